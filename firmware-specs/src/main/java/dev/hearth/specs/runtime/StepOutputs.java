package dev.hearth.specs.runtime;

import dev.hearth.hardware.condition.Bindings;
import dev.hearth.hardware.profile.Capability;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.ParamSpec;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.Setting;
import dev.hearth.specs.program.Invocation;
import dev.hearth.specs.program.Step;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every output should be during a step: set by the step's capabilities, else at rest. */
final class StepOutputs {

  private StepOutputs() {}

  /**
   * The target of every output {@code elapsedSeconds} into {@code step}.
   *
   * @param args the run's program parameters
   */
  static Map<String, Double> targets(
      Profile profile, Step step, Map<String, Double> args, double elapsedSeconds) {
    Map<String, Double> targets = rest(profile);
    Bindings programParams = params(args);
    for (Invocation inv : step.actions()) {
      Bindings capabilityParams = params(capabilityArgs(inv, programParams));
      for (Setting s : inv.capability().settings()) {
        if (s instanceof Setting.Level level) {
          targets.put(s.output(), level.value().evaluate(capabilityParams));
        } else if (s instanceof Setting.Duty duty) {
          double percent = duty.percent().evaluate(capabilityParams);
          double phase = elapsedSeconds % duty.periodSeconds();
          targets.put(s.output(), phase < duty.periodSeconds() * percent / 100.0 ? 1.0 : 0.0);
        }
      }
    }
    return targets;
  }

  /** Every output at its safe state, in declaration order. */
  static Map<String, Double> rest(Profile profile) {
    Map<String, Double> targets = new LinkedHashMap<>();
    for (Channel out : profile.outputs()) {
      targets.put(out.name(), out.safe());
    }
    return targets;
  }

  private static Map<String, Double> capabilityArgs(Invocation inv, Bindings programParams) {
    Map<String, Double> values = new HashMap<>();
    Capability cap = inv.capability();
    for (ParamSpec p : cap.params().values()) {
      values.put(
          p.name(),
          inv.args().containsKey(p.name())
              ? inv.args().get(p.name()).evaluate(programParams)
              : p.defaultValue());
    }
    return values;
  }

  static Bindings params(Map<String, Double> values) {
    return new Bindings() {
      @Override
      public double channel(String name) {
        throw new IllegalStateException("capability settings read no channels");
      }

      @Override
      public double param(String name) {
        Double v = values.get(name);
        if (v == null) {
          throw new IllegalStateException("no parameter $" + name);
        }
        return v;
      }
    };
  }
}
