package dev.hearth.hardware.sim;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.ChannelKind;
import dev.hearth.hardware.profile.Range;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every model shares: outputs as driven, time steps, turning the model's true values into
 * board readings (faults, noise, resolution, range), listeners, faults. A model supplies the
 * physics ({@link #step}) and the sensors' true values ({@link #sense}).
 */
abstract class SimulatedPlant implements Plant {

  private final ModelDefinition definition;
  private final PlantWiring wiring;
  private final Map<String, Channel> outputs = new LinkedHashMap<>();
  private final Map<String, Double> driven = new LinkedHashMap<>();
  private final Map<String, String> outputOfRole = new HashMap<>();
  private final List<Channel> inputChannels;
  private final String[] inputRoles;
  private final double[] readings;
  private final double[] noise;
  private final Double[] frozen;
  private final Map<String, Integer> inputIndex = new LinkedHashMap<>();
  private final Random random;
  private final List<InputListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<String> injected = new LinkedHashSet<>();
  private double seconds;
  private double energyJoules;

  SimulatedPlant(ModelDefinition definition, PlantWiring wiring, long seed) {
    this.definition = definition;
    this.wiring = wiring;
    this.random = new Random(seed);
    for (Channel c : wiring.profile().outputs()) {
      outputs.put(c.name(), c);
      driven.put(c.name(), c.safe());
      wiring.roleOf(c.name()).ifPresent(role -> outputOfRole.put(role, c.name()));
    }
    inputChannels = wiring.profile().inputs();
    int n = inputChannels.size();
    inputRoles = new String[n];
    readings = new double[n];
    noise = new double[n];
    frozen = new Double[n];
    for (int i = 0; i < n; i++) {
      inputIndex.put(inputChannels.get(i).name(), i);
      inputRoles[i] = wiring.roleOf(inputChannels.get(i).name()).orElse(null);
    }
  }

  // ---- what a model provides ----

  /** Moves the physics forward by {@code h} seconds, at most {@link #MAX_STEP_SECONDS}. */
  abstract void step(double h);

  /** The true value behind an input role, before noise and resolution; booleans as 1.0/0.0. */
  abstract double sense(String role);

  /** The half-width of the noise on an input role, in its unit; 0 for none. */
  double noiseAmplitude(String role) {
    return 0;
  }

  /** Applies a fault's immediate effect; {@link #faulty} already reports it. */
  void onInjected(String fault) {}

  /** The model's true state for {@link PlantTotals#truth()}. */
  abstract Map<String, Double> truth();

  /** Fresh water let in so far, in litres. */
  double waterUsedLitres() {
    return 0;
  }

  // ---- helpers for models ----

  /** True when the output bound to {@code role} is driven on (non-zero); false when unbound. */
  final boolean on(String role) {
    return output(role) != 0.0;
  }

  /** The value driven on the output bound to {@code role}; 0 when the role is unbound. */
  final double output(String role) {
    String channel = outputOfRole.get(role);
    return channel == null ? 0.0 : driven.get(channel);
  }

  final boolean faulty(String fault) {
    return injected.contains(fault);
  }

  /** Freezes the reading of the input bound to {@code role} at its present value. */
  final void freeze(String role) {
    wiring
        .channel(role)
        .ifPresent(
            c -> {
              int i = inputIndex.get(c.name());
              frozen[i] = readings[i];
            });
  }

  /** Adds electrical energy drawn over a step. */
  final void consume(double watts, double h) {
    energyJoules += watts * h;
  }

  /** Publishes readings now (after a person's action), without new noise. */
  final void changed() {
    publish(false);
  }

  /** Takes the first readings; models call it at the end of their constructor. */
  final void start() {
    publish(true);
  }

  static double approach(double value, double target, double maxChange) {
    if (value < target) {
      return Math.min(target, value + maxChange);
    }
    return Math.max(target, value - maxChange);
  }

  // ---- Plant ----

  @Override
  public final String model() {
    return definition.name();
  }

  @Override
  public final synchronized void drive(String output, double value) {
    Channel c = outputs.get(output);
    if (c == null) {
      throw new IllegalArgumentException(
          "'"
              + output
              + "' is not an output of "
              + wiring.profile().ref()
              + "; outputs: "
              + outputs.keySet());
    }
    if (!c.accepts(value)) {
      throw new IllegalArgumentException(
          output
              + " cannot take "
              + value
              + (c.isDigital()
                  ? "; digital outputs take 1.0 or 0.0"
                  : "; its range is " + c.range()));
    }
    driven.put(output, value);
  }

  @Override
  public final synchronized void advance(double duration) {
    if (!(duration >= 0) || Double.isInfinite(duration)) {
      throw new IllegalArgumentException(
          "cannot advance by " + duration + " s; give zero or more seconds");
    }
    long steps = (long) Math.ceil(duration / MAX_STEP_SECONDS - 1e-9);
    if (steps == 0) {
      return;
    }
    double h = duration / steps;
    for (long s = 0; s < steps; s++) {
      step(h);
      seconds += h;
      publish(true);
    }
  }

  @Override
  public final synchronized double read(String input) {
    Integer i = inputIndex.get(input);
    if (i == null) {
      throw new IllegalArgumentException(
          "'"
              + input
              + "' is not an input of "
              + wiring.profile().ref()
              + "; inputs: "
              + inputIndex.keySet());
    }
    return readings[i];
  }

  @Override
  public final Set<String> inputs() {
    return Collections.unmodifiableSet(inputIndex.keySet());
  }

  @Override
  public final Registration onInputChange(InputListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public final synchronized PlantTotals totals() {
    return new PlantTotals(seconds, energyJoules / 3600.0, waterUsedLitres(), truth());
  }

  @Override
  public final List<String> faults() {
    return List.copyOf(definition.faults().keySet());
  }

  @Override
  public final synchronized void inject(String fault) {
    if (!definition.faults().containsKey(fault)) {
      throw new IllegalArgumentException(
          "unknown fault '"
              + fault
              + "' for the "
              + definition.name()
              + " model; supported: "
              + String.join(", ", definition.faults().keySet()));
    }
    if (injected.add(fault)) {
      onInjected(fault);
      publish(false);
    }
  }

  @Override
  public final synchronized Set<String> injected() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(injected));
  }

  // ---- readings ----

  /**
   * Recomputes every reading from the model's truth and fires the listeners for those that changed,
   * after all are updated. {@code sample} draws new noise: once per time step, always for every
   * numeric input in declaration order, so the noise sequence depends on the seed alone.
   */
  private void publish(boolean sample) {
    List<Integer> changedInputs = new ArrayList<>(2);
    for (int i = 0; i < readings.length; i++) {
      Channel c = inputChannels.get(i);
      if (sample && !c.isDigital()) {
        double u = random.nextDouble() + random.nextDouble() - 1.0; // triangular in (-1, 1)
        noise[i] = inputRoles[i] == null ? 0 : u * noiseAmplitude(inputRoles[i]);
      }
      double value = frozen[i] != null ? frozen[i] : reading(c, inputRoles[i], noise[i]);
      if (Double.compare(value, readings[i]) != 0) {
        readings[i] = value;
        changedInputs.add(i);
      }
    }
    for (int i : changedInputs) {
      for (InputListener l : listeners) {
        l.inputChanged(inputChannels.get(i).name(), readings[i]);
      }
    }
  }

  private double reading(Channel c, String role, double noiseValue) {
    if (c.isDigital()) {
      return role != null && sense(role) != 0.0 ? 1.0 : 0.0;
    }
    Range range = c.range();
    double value = range.clamp((role == null ? range.min() : sense(role)) + noiseValue);
    if ((c.kind() == ChannelKind.I2C_IN || c.kind() == ChannelKind.SPI_IN)
        && c.address().raw() != null) {
      double counts = c.address().raw().max() - c.address().raw().min();
      double step = (range.max() - range.min()) / counts;
      value = range.min() + Math.round((value - range.min()) / step) * step;
    } else if (c.kind() == ChannelKind.PULSE_IN && c.address().unitsPerHz() != null) {
      double perHz = c.address().unitsPerHz();
      value = Math.round(value / perHz) * perHz;
    }
    return range.clamp(value);
  }
}
