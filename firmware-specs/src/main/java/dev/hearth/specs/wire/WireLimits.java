package dev.hearth.specs.wire;

/**
 * Parser limits that hold for every payload, on top of each topic kind's size limit ({@link
 * TopicKind#maxPayloadBytes()}). Readers enforce them while parsing, writers refuse to produce
 * payloads that break them, so a payload one side writes the other side can read.
 */
public final class WireLimits {

  /** Deepest nesting of objects and arrays, the payload's own object counting as 1. */
  public static final int MAX_NESTING_DEPTH = 32;

  /** Longest string value, in UTF-16 chars. */
  public static final int MAX_STRING_LENGTH = 16 * 1024;

  /** Longest field name, in chars. */
  public static final int MAX_NAME_LENGTH = 128;

  /** Longest number literal, in chars. */
  public static final int MAX_NUMBER_LENGTH = 64;

  private WireLimits() {}
}
