package dev.hearth.specs.program;

import dev.hearth.hardware.condition.Expression;
import dev.hearth.hardware.profile.Capability;
import java.util.Map;

/**
 * A capability used by a step, with its arguments: {@code tumble(rpm=40)} or {@code
 * spin(rpm=$spin)}. Missing arguments take the capability's defaults.
 *
 * @param capability the profile's capability
 * @param args argument name to an expression over the program's parameters
 */
public record Invocation(Capability capability, Map<String, Expression> args) {

  public Invocation {
    args = Map.copyOf(args);
  }
}
