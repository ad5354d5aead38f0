package dev.hearth.hardware.sim;

import dev.hearth.hardware.condition.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A microwave oven.
 *
 * <ul>
 *   <li>Magnetron: while its relay is on, the door shut (the oven's own door switches stay in the
 *       mains circuit) and the oven's series thermal protector closed, it sends {@code
 *       magnetronWatts} into the cavity and turns {@code magnetronHeatFraction} of its electrical
 *       input into heat in its body.
 *   <li>Load: water-like, {@code loadGrams} at {@code loadStartC}; it absorbs the microwave power
 *       (all of it from {@code fullAbsorptionGrams} up, the rest reflects back into the magnetron),
 *       melts at 0 °C (334 J/g) and boils off at 100 °C (2257 J/g).
 *   <li>Cavity wall (the {@code cavityTemp} sensor): exchanges {@code loadCouplingWattsPerK} with
 *       the load, receives {@code coolingAirToCavity} of the heat the fan carries off the
 *       magnetron, loses {@code cavityLossWattsPerK} to the room.
 *   <li>Magnetron body: cooled by {@code magnetronCoolingWattsPerK} with the fan running, {@code
 *       magnetronStillAirWattsPerK} without. The bimetal cut-out the board reads opens at {@code
 *       magnetronCutoutC} and re-closes {@code magnetronCutoutHysteresisK} lower; the oven's own
 *       protector in the magnetron's supply does the same at {@code magnetronProtectorC}.
 * </ul>
 *
 * Heat exchanges are limited to what equalises the two temperatures in one step, so the model is
 * stable for any step and any load mass. Truth values: {@code loadC}, {@code loadGrams}, {@code
 * cavityC}, {@code magnetronC}, {@code magnetronOn}, {@code doorOpen}, {@code cutoutOpen}, {@code
 * protectorOpen}, {@code fireIntensity}.
 */
final class MicrowavePlant extends SimulatedPlant {

  static final String DOOR_OPENED = "door-opened";
  static final String CAVITY_FIRE = "cavity-fire";
  static final String FAN_FAILED = "fan-failed";
  static final String FAILED_MAGNETRON = "failed-magnetron";
  static final String DOOR_SWITCH_STUCK = "door-switch-stuck";

  private static final double WATER_J_PER_G_K = 4.186;
  private static final double ICE_J_PER_G_K = 2.1;
  private static final double FUSION_J_PER_G = 334;
  private static final double VAPORISATION_J_PER_G = 2257;
  private static final double BOILING_ENTHALPY = 100 * WATER_J_PER_G_K;
  private static final double NO_LOAD_GRAMS = 0.5;

  static final ModelDefinition DEFINITION =
      new ModelDefinition(
          "microwave",
          List.of(
              new PlantRole("magnetron", true, Type.BOOLEAN, true, "magnetron supply relay"),
              new PlantRole("fan", true, Type.BOOLEAN, true, "magnetron cooling fan"),
              new PlantRole("turntable", true, Type.BOOLEAN, false, "turntable motor"),
              new PlantRole("light", true, Type.BOOLEAN, false, "cavity lamp"),
              new PlantRole("buzzer", true, Type.BOOLEAN, false, "buzzer"),
              new PlantRole("doorPrimary", false, Type.BOOLEAN, true, "primary door switch"),
              new PlantRole("doorSecondary", false, Type.BOOLEAN, true, "secondary door switch"),
              new PlantRole(
                  "magnetronOvertemp", false, Type.BOOLEAN, true, "bimetal cut-out, on = open"),
              new PlantRole("cavityTemp", false, Type.NUMBER, true, "cavity wall temperature")),
          List.of(
              p("magnetronWatts", 900, 100, 3000, "W", "microwave output power"),
              p("magnetronHeatFraction", 0.35, 0.05, 0.8, "", "share of input lost as heat"),
              p("magnetronHeatCapacityJPerK", 600, 100, 10000, "J/K", "magnetron body"),
              p("magnetronCoolingWattsPerK", 12, 1, 200, "W/K", "magnetron cooling, fan running"),
              p("magnetronStillAirWattsPerK", 1.5, 0.1, 50, "W/K", "magnetron cooling, fan off"),
              p("magnetronCutoutC", 120, 60, 250, "°C", "bimetal cut-out opening temperature"),
              p("magnetronCutoutHysteresisK", 20, 2, 60, "K", "cut-out re-closes this much lower"),
              p("magnetronProtectorC", 145, 60, 300, "°C", "the oven's own series protector"),
              p("coolingAirToCavity", 0.3, 0, 1, "", "share of magnetron heat blown into cavity"),
              p("loadGrams", 400, 0, 5000, "g", "food or water in the cavity"),
              p("loadStartC", 20, -30, 95, "°C", "load temperature at the start"),
              p("fullAbsorptionGrams", 100, 1, 2000, "g", "smallest load that absorbs it all"),
              p("ambientC", 20, -10, 45, "°C", "room temperature"),
              p("cavityHeatCapacityJPerK", 3000, 200, 50000, "J/K", "cavity walls and air"),
              p("cavityLossWattsPerK", 4, 0.1, 200, "W/K", "cavity loss to the room"),
              p("loadCouplingWattsPerK", 6, 0, 200, "W/K", "heat exchange load to cavity"),
              p("fireKPerSecond", 5, 0.1, 50, "K/s", "cavity-fire heating while fed"),
              p("fireDecaySeconds", 30, 1, 600, "s", "how long a fire burns on unfed"),
              p("fanWatts", 25, 0, 200, "W", "fan power"),
              p("turntableWatts", 4, 0, 50, "W", "turntable motor power"),
              p("lightWatts", 25, 0, 100, "W", "cavity lamp power"),
              p("cavityNoiseC", 0.2, 0, 5, "°C", "thermocouple noise, half-width")),
          faultTable(),
          MicrowavePlant::new);

  private static Map<String, String> faultTable() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(DOOR_OPENED, "someone opens the door: both door switches open");
    f.put(CAVITY_FIRE, "something in the cavity burns: +5 K/s while fed by the magnetron, then on");
    f.put(FAN_FAILED, "the cooling fan is seized: the magnetron is cooled by still air only");
    f.put(FAILED_MAGNETRON, "the magnetron is dead: no microwave power, no heat");
    f.put(DOOR_SWITCH_STUCK, "the secondary door switch reads shut whether or not the door is");
    return f;
  }

  private final double magnetronWatts;
  private final double inputWatts;
  private final double wasteWatts;
  private final double magnetronCapacity;
  private final double fanCooling;
  private final double stillCooling;
  private final double cutoutC;
  private final double hysteresis;
  private final double protectorC;
  private final double airToCavity;
  private final double fullGrams;
  private final double ambientC;
  private final double cavityCapacity;
  private final double cavityLoss;
  private final double coupling;
  private final double fireRate;
  private final double fireDecay;
  private final double fanWatts;
  private final double turntableWatts;
  private final double lightWatts;
  private final double cavityNoise;

  private double grams;
  private double enthalpy; // J/g of the load, 0 = water at 0 °C
  private double cavityC;
  private double magnetronC;
  private boolean producing;
  private boolean doorOpen;
  private boolean cutoutOpen;
  private boolean protectorOpen;
  private double fire;
  private final Person person = new Door();

  private MicrowavePlant(PlantWiring wiring, Map<String, Double> params, long seed) {
    super(DEFINITION, wiring, seed);
    magnetronWatts = params.get("magnetronWatts");
    double fraction = params.get("magnetronHeatFraction");
    inputWatts = magnetronWatts / (1 - fraction);
    wasteWatts = inputWatts * fraction;
    magnetronCapacity = params.get("magnetronHeatCapacityJPerK");
    fanCooling = params.get("magnetronCoolingWattsPerK");
    stillCooling = params.get("magnetronStillAirWattsPerK");
    cutoutC = params.get("magnetronCutoutC");
    hysteresis = params.get("magnetronCutoutHysteresisK");
    protectorC = params.get("magnetronProtectorC");
    airToCavity = params.get("coolingAirToCavity");
    fullGrams = params.get("fullAbsorptionGrams");
    ambientC = params.get("ambientC");
    cavityCapacity = params.get("cavityHeatCapacityJPerK");
    cavityLoss = params.get("cavityLossWattsPerK");
    coupling = params.get("loadCouplingWattsPerK");
    fireRate = params.get("fireKPerSecond");
    fireDecay = params.get("fireDecaySeconds");
    fanWatts = params.get("fanWatts");
    turntableWatts = params.get("turntableWatts");
    lightWatts = params.get("lightWatts");
    cavityNoise = params.get("cavityNoiseC");
    grams = params.get("loadGrams") < NO_LOAD_GRAMS ? 0 : params.get("loadGrams");
    enthalpy = enthalpyAt(params.get("loadStartC"));
    cavityC = ambientC;
    magnetronC = ambientC;
    start();
  }

  @Override
  void step(double h) {
    producing = on("magnetron") && !doorOpen && !protectorOpen && !faulty(FAILED_MAGNETRON);
    boolean fanRuns = on("fan") && !faulty(FAN_FAILED);
    double microwaves = producing ? magnetronWatts : 0;
    double absorbed = grams > 0 ? microwaves * Math.min(1, grams / fullGrams) : 0;
    double reflected = microwaves - absorbed;

    // Magnetron body: waste and reflected power in, cooling air (or still air) out.
    magnetronC += ((producing ? wasteWatts : 0) + reflected) * h / magnetronCapacity;
    double carried =
        exchange(magnetronC - ambientC, fanRuns ? fanCooling : stillCooling, h, magnetronCapacity);
    magnetronC -= carried / magnetronCapacity;

    // Load: microwave power in, exchange with the cavity wall.
    double toCavity = 0;
    if (grams > 0) {
      enthalpy += absorbed * h / grams;
      double loadCapacity = grams * (loadC() < 0 ? ICE_J_PER_G_K : WATER_J_PER_G_K);
      toCavity = exchange(loadC() - cavityC, coupling, h, loadCapacity, cavityCapacity);
      enthalpy -= toCavity / grams;
      if (enthalpy > BOILING_ENTHALPY) {
        grams -= Math.min(grams, (enthalpy - BOILING_ENTHALPY) * grams / VAPORISATION_J_PER_G);
        enthalpy = BOILING_ENTHALPY;
        if (grams < NO_LOAD_GRAMS) {
          grams = 0;
        }
      }
    }

    // Cavity wall: from the load, from the cooling air, from a fire; loses to the room.
    cavityC += (toCavity + (fanRuns ? airToCavity * carried : 0)) / cavityCapacity;
    if (faulty(CAVITY_FIRE)) {
      fire = producing ? 1 : fire * Math.exp(-h / fireDecay);
      cavityC += fireRate * fire * h;
    }
    cavityC -= exchange(cavityC - ambientC, cavityLoss, h, cavityCapacity) / cavityCapacity;

    // Bimetals on the magnetron.
    cutoutOpen = cutoutOpen ? magnetronC > cutoutC - hysteresis : magnetronC >= cutoutC;
    protectorOpen = protectorOpen ? magnetronC > protectorC - hysteresis : magnetronC >= protectorC;

    double watts = producing ? inputWatts : 0;
    watts += on("fan") && !faulty(FAN_FAILED) ? fanWatts : 0;
    watts += on("turntable") ? turntableWatts : 0;
    watts += on("light") ? lightWatts : 0;
    consume(watts, h);
  }

  /**
   * Heat moved in one step across a conductance from a body at {@code difference} above a second
   * body, never more than brings both to one temperature.
   *
   * @param capacities heat capacities of the bodies; omit the second one for the room
   */
  private static double exchange(
      double difference, double wattsPerK, double h, double... capacities) {
    double inverse = 0;
    for (double c : capacities) {
      inverse += 1 / c;
    }
    return difference * Math.min(wattsPerK * h, 1 / inverse);
  }

  private double loadC() {
    if (grams == 0) {
      return cavityC;
    }
    if (enthalpy >= 0) {
      return enthalpy / WATER_J_PER_G_K;
    }
    return enthalpy >= -FUSION_J_PER_G ? 0 : (enthalpy + FUSION_J_PER_G) / ICE_J_PER_G_K;
  }

  private static double enthalpyAt(double celsius) {
    return celsius >= 0 ? celsius * WATER_J_PER_G_K : celsius * ICE_J_PER_G_K - FUSION_J_PER_G;
  }

  @Override
  double sense(String role) {
    switch (role) {
      case "doorPrimary":
        return doorOpen ? 0 : 1;
      case "doorSecondary":
        return doorOpen && !faulty(DOOR_SWITCH_STUCK) ? 0 : 1;
      case "magnetronOvertemp":
        return cutoutOpen ? 1 : 0;
      case "cavityTemp":
        return cavityC;
      default:
        return 0;
    }
  }

  @Override
  double noiseAmplitude(String role) {
    return "cavityTemp".equals(role) ? cavityNoise : 0;
  }

  @Override
  void onInjected(String fault) {
    if (DOOR_OPENED.equals(fault)) {
      doorOpen = true;
    }
  }

  @Override
  Map<String, Double> truth() {
    Map<String, Double> t = new LinkedHashMap<>();
    t.put("loadC", loadC());
    t.put("loadGrams", grams);
    t.put("cavityC", cavityC);
    t.put("magnetronC", magnetronC);
    t.put("magnetronOn", producing ? 1.0 : 0.0);
    t.put("doorOpen", doorOpen ? 1.0 : 0.0);
    t.put("cutoutOpen", cutoutOpen ? 1.0 : 0.0);
    t.put("protectorOpen", protectorOpen ? 1.0 : 0.0);
    t.put("fireIntensity", fire);
    return t;
  }

  @Override
  public Person person() {
    return person;
  }

  private final class Door implements Person {
    @Override
    public boolean openDoor() {
      synchronized (MicrowavePlant.this) {
        doorOpen = true;
        changed();
        return true;
      }
    }

    @Override
    public void closeDoor() {
      synchronized (MicrowavePlant.this) {
        doorOpen = false;
        changed();
      }
    }

    @Override
    public boolean isDoorOpen() {
      synchronized (MicrowavePlant.this) {
        return doorOpen;
      }
    }
  }

  private static ModelParam p(
      String name, double value, double min, double max, String unit, String description) {
    return new ModelParam(name, value, min, max, unit, description);
  }
}
