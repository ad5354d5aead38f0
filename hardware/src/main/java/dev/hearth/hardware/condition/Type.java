package dev.hearth.hardware.condition;

/** The two kinds of value the language has. */
public enum Type {
  BOOLEAN,
  NUMBER;

  String article() {
    return this == BOOLEAN ? "a true/false value" : "a number";
  }
}
