package dev.hearth.specs.wire;

/** An enumeration whose constants travel as lower-case, hyphenated JSON strings. */
interface WireEnum {

  /** The spelling on the wire, e.g. {@code fault-handling}. */
  String wireName();
}
