package dev.hearth.agent.cli;

import dev.hearth.agent.runtime.Speed;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --speed 60x | 1x | max}. */
final class SpeedConverter implements ITypeConverter<Speed> {

  @Override
  public Speed convert(String value) {
    try {
      return Speed.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
