package dev.hearth.agent.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How much the agent logs: key {@code log.level}. Names match SLF4J's levels. */
public enum LogLevel {
  ERROR,
  WARN,
  INFO,
  DEBUG,
  TRACE;

  /** The value as written in {@code agent.yaml}, e.g. {@code info}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The level written as {@code text}, if there is one. */
  public static Optional<LogLevel> of(String text) {
    return Arrays.stream(values()).filter(l -> l.key().equals(text)).findFirst();
  }

  /** Every accepted value, for messages. */
  public static String choices() {
    return Arrays.stream(values()).map(LogLevel::key).collect(Collectors.joining(" | "));
  }
}
