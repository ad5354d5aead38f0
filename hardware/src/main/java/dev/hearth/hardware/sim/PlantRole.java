package dev.hearth.hardware.sim;

import dev.hearth.hardware.condition.Type;
import dev.hearth.hardware.profile.Channel;

/**
 * A part a physics model needs wired to one of the profile's channels, e.g. the washer's {@code
 * level}, which must be a numeric input. A profile binds roles to channels in {@code
 * simulation.bindings}.
 *
 * @param name the role's name in {@code simulation.bindings}
 * @param output true for an output the board drives, false for an input it reads
 * @param type {@link Type#BOOLEAN} for digital channels, {@link Type#NUMBER} for numeric ones
 * @param required false when the model runs without it (e.g. the microwave's light)
 * @param description what the model does with it
 */
public record PlantRole(
    String name, boolean output, Type type, boolean required, String description) {

  /** True when {@code channel} can play this role: same direction and value type. */
  public boolean accepts(Channel channel) {
    return channel.isOutput() == output && channel.kind().type() == type;
  }

  /** For messages: {@code a digital output}, {@code a numeric input}. */
  public String describe() {
    return "a " + (type == Type.BOOLEAN ? "digital" : "numeric") + (output ? " output" : " input");
  }
}
