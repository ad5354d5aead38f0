package dev.hearth.hardware.safety;

import dev.hearth.hardware.condition.Bindings;
import dev.hearth.hardware.condition.Expression;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Interlocks.Guard;
import dev.hearth.hardware.profile.Interlocks.Trip;
import dev.hearth.hardware.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * States a profile forbids, stated independently of how the {@link SafetyKernel} avoids them: an
 * active output whose guard fails, or an active output named by a trip whose condition holds.
 * Property tests and simulation reports check observed states against it.
 */
public final class ForbiddenStates {

  private ForbiddenStates() {}

  /**
   * Every way the given state is forbidden; empty when it is allowed. Conditions that read an input
   * with no value yet are not judged.
   *
   * @param outputs each output's actual level
   * @param readings each input's reading (missing or NaN when unknown)
   */
  public static List<String> violations(
      Profile profile, Map<String, Double> outputs, Map<String, Double> readings) {
    List<String> found = new ArrayList<>();
    Bindings state =
        name -> {
          Double v = outputs.containsKey(name) ? outputs.get(name) : readings.get(name);
          if (v == null || v.isNaN()) {
            throw new Unknown();
          }
          return v;
        };
    for (Guard g : profile.interlocks().guards()) {
      if (active(profile, outputs, g.output())
          && holds(g.when(), state).orElse(false)
          && !holds(g.requires(), state).orElse(true)) {
        found.add(g.output() + " is active although guard " + g.id() + " fails");
      }
    }
    for (Trip t : profile.interlocks().trips()) {
      if (holds(t.when(), state).orElse(false)) {
        t.outputs().stream()
            .filter(o -> !isLock(profile, o) && active(profile, outputs, o))
            .forEach(o -> found.add(o + " is active although trip " + t.id() + " holds"));
      }
    }
    return found;
  }

  private static boolean isLock(Profile profile, String output) {
    return profile.interlocks().lock() != null
        && profile.interlocks().lock().output().equals(output);
  }

  private static boolean active(Profile profile, Map<String, Double> outputs, String name) {
    Channel c = profile.channel(name).orElseThrow();
    return !c.isSafe(outputs.get(name));
  }

  /** Empty when the expression reads an unknown input; a null expression always holds. */
  private static Optional<Boolean> holds(Expression e, Bindings state) {
    if (e == null) {
      return Optional.of(true);
    }
    try {
      return Optional.of(e.holds(state));
    } catch (Unknown u) {
      return Optional.empty();
    }
  }

  private static final class Unknown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unknown() {
      super("unknown reading", null, false, false);
    }
  }
}
