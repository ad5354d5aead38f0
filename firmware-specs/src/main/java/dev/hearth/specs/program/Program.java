package dev.hearth.specs.program;

import dev.hearth.hardware.profile.ParamSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One named program: typed, bounded parameters and the steps that run it, plus the steps that bring
 * the appliance to rest when it faults or is stopped.
 *
 * @param name what owners and commands call it, e.g. {@code cotton-40}
 * @param title the name shown to people
 * @param description what it is for
 * @param params its parameters, within the profile's capability limits
 * @param onInterlock what an interlock that stops an output does to the program
 * @param steps the normal path, run from the first
 * @param faultSteps the fault path, run on a fault or a stop
 */
public record Program(
    String name,
    String title,
    String description,
    Map<String, ParamSpec> params,
    OnInterlock onInterlock,
    List<Step> steps,
    List<Step> faultSteps) {

  public Program {
    params = Map.copyOf(params);
    steps = List.copyOf(steps);
    faultSteps = List.copyOf(faultSteps);
  }

  /** What an interlock that forces an output off does to a running program. */
  public enum OnInterlock {
    /** Run the fault path (a washer whose door lock failed). */
    FAULT,
    /** Pause until resumed (a microwave whose door was opened). */
    PAUSE
  }

  public Optional<Step> step(String stepName) {
    return steps.stream().filter(s -> s.name().equals(stepName)).findFirst();
  }

  /** Index in {@link #steps()} of the named step, or -1. */
  public int indexOf(String stepName) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name().equals(stepName)) {
        return i;
      }
    }
    return -1;
  }
}
