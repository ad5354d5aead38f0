package dev.hearth.hardware.sim;

import dev.hearth.hardware.condition.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A front-loading washing machine.
 *
 * <ul>
 *   <li>Water: the inlet adds {@code inletLitresPerMinute} at {@code inletWaterC}, the drain pump
 *       removes {@code drainLitresPerMinute}. Above {@code overflowLitres} the excess spills into
 *       the base pan, where {@code leakSwitchLitres} lift the leak float; with the door open, water
 *       above {@code doorSillLitres} pours onto the floor.
 *   <li>Temperature: one lumped thermal mass (water at 4186 J/kg·K plus {@code
 *       tubHeatCapacityJPerK}) heated by the element, mixed with inlet water, losing {@code
 *       heatLossWattsPerK} to {@code ambientC}; water boils off above 100 °C.
 *   <li>Drum: ramps toward the demanded speed (sign from the reverse relay) at {@code
 *       motorRampRpmPerSecond}, coasts down at {@code motorCoastRpmPerSecond} with no demand. The
 *       tachometer cannot tell direction.
 *   <li>PTC door lock: latches {@code lockEngageSeconds} after its output goes on with the door
 *       shut, releases {@code lockReleaseSeconds} after it goes off. A latched door does not open.
 *   <li>Energy: heater, motor in proportion to speed, pump, valve coil, lock PTC.
 * </ul>
 *
 * Truth values: {@code waterLitres}, {@code waterC}, {@code drumRpm} (negative in reverse), {@code
 * basePanLitres}, {@code floorLitres}, {@code doorOpen}, {@code doorLatched}, {@code heatingWatts}.
 */
final class WasherPlant extends SimulatedPlant {

  static final String STUCK_LEVEL = "stuck-level-sensor";
  static final String STUCK_TEMP = "stuck-temp-sensor";
  static final String FAILED_HEATER = "failed-heater";
  static final String LEAK = "leak";
  static final String DOOR_FORCED = "door-forced";
  static final String DRAIN_BLOCKED = "drain-blocked";
  static final String INLET_STUCK = "inlet-stuck-open";
  static final String TACHO_FAILED = "tacho-failed";

  private static final double WATER_J_PER_KG_K = 4186;
  private static final double VAPORISATION_J_PER_KG = 2.257e6;

  static final ModelDefinition DEFINITION =
      new ModelDefinition(
          "washer",
          List.of(
              out("inlet", Type.BOOLEAN, true, "cold-water inlet valve"),
              out("drain", Type.BOOLEAN, true, "drain pump"),
              out("heater", Type.BOOLEAN, true, "heating element"),
              out("lock", Type.BOOLEAN, true, "PTC door-lock actuator, on = locked"),
              out("motor", Type.NUMBER, true, "drum speed demand in rpm"),
              out("reverse", Type.BOOLEAN, false, "motor direction, on = reverse"),
              in("doorClosed", Type.BOOLEAN, "door switch, on = shut"),
              in("doorLocked", Type.BOOLEAN, "lock-state contact, on = latched"),
              in("leak", Type.BOOLEAN, "base-pan float switch, on = water in the pan"),
              in("level", Type.NUMBER, "water volume in the drum, L"),
              in("temperature", Type.NUMBER, "water temperature, °C"),
              in("drumSpeed", Type.NUMBER, "drum tachometer, rpm")),
          List.of(
              p("inletLitresPerMinute", 12, 1, 60, "L/min", "inlet valve flow"),
              p("drainLitresPerMinute", 25, 1, 120, "L/min", "drain pump flow"),
              p("heaterWatts", 2000, 100, 6000, "W", "heating element power"),
              p("inletWaterC", 15, 1, 60, "°C", "temperature of the inlet water"),
              p("ambientC", 20, -10, 45, "°C", "room temperature"),
              p("tubHeatCapacityJPerK", 12000, 1000, 200000, "J/K", "tub, drum and element"),
              p("heatLossWattsPerK", 6, 0, 200, "W/K", "heat lost to the room per kelvin"),
              p("motorRampRpmPerSecond", 120, 1, 2000, "rpm/s", "drum acceleration"),
              p("motorCoastRpmPerSecond", 40, 1, 2000, "rpm/s", "drum deceleration unpowered"),
              p("motorWatts", 350, 0, 3000, "W", "motor power at full speed"),
              p("pumpWatts", 30, 0, 500, "W", "drain pump power"),
              p("valveWatts", 5, 0, 50, "W", "inlet valve coil power"),
              p("lockWatts", 3, 0, 20, "W", "door-lock PTC power"),
              p("lockEngageSeconds", 2, 0, 120, "s", "PTC heat-up until the lock latches"),
              p("lockReleaseSeconds", 20, 0, 600, "s", "PTC cool-down until the lock releases"),
              p("overflowLitres", 38, 1, 200, "L", "volume above which water spills over"),
              p("doorSillLitres", 30, 1, 200, "L", "volume above which an open door spills"),
              p("leakLitresPerMinute", 0.5, 0.01, 20, "L/min", "loss through the leak fault"),
              p(
                  "leakSwitchLitres",
                  0.1,
                  0.01,
                  5,
                  "L",
                  "water in the base pan that lifts the float"),
              p("startWaterLitres", 0, 0, 200, "L", "water in the drum at the start"),
              p("levelNoiseLitres", 0.05, 0, 2, "L", "level sensor noise, half-width"),
              p("temperatureNoiseC", 0.1, 0, 5, "°C", "temperature sensor noise, half-width")),
          faultTable(),
          WasherPlant::new);

  private static Map<String, String> faultTable() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(STUCK_LEVEL, "the level reading freezes at its value when injected");
    f.put(STUCK_TEMP, "the temperature reading freezes at its value when injected");
    f.put(FAILED_HEATER, "the element is open: the heater output heats nothing and draws nothing");
    f.put(LEAK, "a hose bursts: the base pan fills, the leak switch closes, the drum loses water");
    f.put(DOOR_FORCED, "the lock hook is broken: the door opens although the lock reads latched");
    f.put(DRAIN_BLOCKED, "the drain is blocked: the pump runs but no water leaves");
    f.put(INLET_STUCK, "the inlet valve is stuck open: water flows whatever its output says");
    f.put(TACHO_FAILED, "the tachometer reads 0 rpm whatever the drum does");
    return f;
  }

  private final double inletLps;
  private final double drainLps;
  private final double heaterWatts;
  private final double inletC;
  private final double ambientC;
  private final double tubHeatCapacity;
  private final double lossWattsPerK;
  private final double rampRps;
  private final double coastRps;
  private final double motorWatts;
  private final double maxRpm;
  private final double pumpWatts;
  private final double valveWatts;
  private final double lockWatts;
  private final double engageSeconds;
  private final double releaseSeconds;
  private final double overflowLitres;
  private final double sillLitres;
  private final double leakLps;
  private final double leakSwitchLitres;
  private final double levelNoise;
  private final double temperatureNoise;

  private double water;
  private double temperature;
  private double rpm;
  private boolean doorOpen;
  private boolean latched;
  private double lockTimer;
  private double basePan;
  private double floor;
  private double waterIn;
  private double heatingWatts;
  private final Person person = new Door();

  private WasherPlant(PlantWiring wiring, Map<String, Double> params, long seed) {
    super(DEFINITION, wiring, seed);
    inletLps = params.get("inletLitresPerMinute") / 60;
    drainLps = params.get("drainLitresPerMinute") / 60;
    heaterWatts = params.get("heaterWatts");
    inletC = params.get("inletWaterC");
    ambientC = params.get("ambientC");
    tubHeatCapacity = params.get("tubHeatCapacityJPerK");
    lossWattsPerK = params.get("heatLossWattsPerK");
    rampRps = params.get("motorRampRpmPerSecond");
    coastRps = params.get("motorCoastRpmPerSecond");
    motorWatts = params.get("motorWatts");
    maxRpm = wiring.channel("motor").orElseThrow().range().max();
    pumpWatts = params.get("pumpWatts");
    valveWatts = params.get("valveWatts");
    lockWatts = params.get("lockWatts");
    engageSeconds = params.get("lockEngageSeconds");
    releaseSeconds = params.get("lockReleaseSeconds");
    overflowLitres = params.get("overflowLitres");
    sillLitres = params.get("doorSillLitres");
    leakLps = params.get("leakLitresPerMinute") / 60;
    leakSwitchLitres = params.get("leakSwitchLitres");
    levelNoise = params.get("levelNoiseLitres");
    temperatureNoise = params.get("temperatureNoiseC");
    water = params.get("startWaterLitres");
    temperature = ambientC;
    start();
  }

  @Override
  void step(double h) {
    // Water in, and its heat: a weighted mean, stable for any step.
    double in = on("inlet") || faulty(INLET_STUCK) ? inletLps * h : 0;
    heatingWatts = on("heater") && !faulty(FAILED_HEATER) ? heaterWatts : 0;
    double capacity = water * WATER_J_PER_KG_K + tubHeatCapacity;
    double heat = (heatingWatts - lossWattsPerK * (temperature - ambientC)) * h;
    double inCapacity = in * WATER_J_PER_KG_K;
    temperature = (capacity * temperature + inCapacity * inletC + heat) / (capacity + inCapacity);
    water += in;
    waterIn += in;
    if (water > 0 && temperature > 100) {
      double steam = (temperature - 100) * (capacity + inCapacity) / VAPORISATION_J_PER_KG;
      water = Math.max(0, water - steam);
      temperature = 100;
    }

    // Water out: pump, leak, overflow, open door. Leaving water takes its temperature along.
    if (on("drain") && !faulty(DRAIN_BLOCKED)) {
      water = Math.max(0, water - drainLps * h);
    }
    if (faulty(LEAK)) {
      double lost = Math.min(water, leakLps * h);
      water -= lost;
      basePan += lost;
    }
    if (water > overflowLitres) {
      basePan += water - overflowLitres;
      water = overflowLitres;
    }
    if (doorOpen && water > sillLitres) {
      floor += water - sillLitres;
      water = sillLitres;
    }

    // Drum: ramp toward the signed demand; coast when there is none.
    double demand = output("motor") * (on("reverse") ? -1 : 1);
    rpm = approach(rpm, demand, (demand == 0 ? coastRps : rampRps) * h);

    // PTC door lock.
    if (on("lock")) {
      lockTimer = latched ? 0 : doorOpen ? 0 : lockTimer + h;
      if (!latched && lockTimer >= engageSeconds) {
        latched = true;
        lockTimer = 0;
      }
    } else {
      lockTimer = latched ? lockTimer + h : 0;
      if (latched && lockTimer >= releaseSeconds) {
        latched = false;
        lockTimer = 0;
      }
    }

    double watts = heatingWatts + motorWatts * Math.abs(rpm) / maxRpm;
    watts += on("drain") ? pumpWatts : 0;
    watts += on("inlet") ? valveWatts : 0;
    watts += on("lock") ? lockWatts : 0;
    consume(watts, h);
  }

  @Override
  double sense(String role) {
    switch (role) {
      case "doorClosed":
        return doorOpen ? 0 : 1;
      case "doorLocked":
        return latched ? 1 : 0;
      case "leak":
        return basePan >= leakSwitchLitres ? 1 : 0;
      case "level":
        return water;
      case "temperature":
        return temperature;
      case "drumSpeed":
        return faulty(TACHO_FAILED) ? 0 : Math.abs(rpm);
      default:
        return 0;
    }
  }

  @Override
  double noiseAmplitude(String role) {
    switch (role) {
      case "level":
        return levelNoise;
      case "temperature":
        return temperatureNoise;
      default:
        return 0;
    }
  }

  @Override
  void onInjected(String fault) {
    switch (fault) {
      case STUCK_LEVEL:
        freeze("level");
        break;
      case STUCK_TEMP:
        freeze("temperature");
        break;
      case LEAK:
        // The burst hose sprays into the pan before the drum loses any noticeable water.
        basePan = Math.max(basePan, 2 * leakSwitchLitres);
        break;
      default:
        break;
    }
  }

  @Override
  Map<String, Double> truth() {
    Map<String, Double> t = new LinkedHashMap<>();
    t.put("waterLitres", water);
    t.put("waterC", temperature);
    t.put("drumRpm", rpm);
    t.put("basePanLitres", basePan);
    t.put("floorLitres", floor);
    t.put("doorOpen", doorOpen ? 1.0 : 0.0);
    t.put("doorLatched", latched ? 1.0 : 0.0);
    t.put("heatingWatts", heatingWatts);
    return t;
  }

  @Override
  double waterUsedLitres() {
    return waterIn;
  }

  @Override
  public Person person() {
    return person;
  }

  private final class Door implements Person {
    @Override
    public boolean openDoor() {
      synchronized (WasherPlant.this) {
        if (!doorOpen && latched && !faulty(DOOR_FORCED)) {
          return false;
        }
        doorOpen = true;
        changed();
        return true;
      }
    }

    @Override
    public void closeDoor() {
      synchronized (WasherPlant.this) {
        doorOpen = false;
        changed();
      }
    }

    @Override
    public boolean isDoorOpen() {
      synchronized (WasherPlant.this) {
        return doorOpen;
      }
    }
  }

  private static PlantRole out(String name, Type type, boolean required, String description) {
    return new PlantRole(name, true, type, required, description);
  }

  private static PlantRole in(String name, Type type, String description) {
    return new PlantRole(name, false, type, true, description);
  }

  private static ModelParam p(
      String name, double value, double min, double max, String unit, String description) {
    return new ModelParam(name, value, min, max, unit, description);
  }
}
