package dev.hearth.agent.update;

import java.util.Optional;

/** One of the two slots of a kind; an update always goes into the one that is not running. */
public enum Slot {
  A("a"),
  B("b");

  private final String id;

  Slot(String id) {
    this.id = id;
  }

  /** The slot's folder name and its name in {@code slots.json}. */
  public String id() {
    return id;
  }

  public Slot other() {
    return this == A ? B : A;
  }

  /** The slot named {@code id}, if any. */
  public static Optional<Slot> fromId(String id) {
    for (Slot s : values()) {
      if (s.id.equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
