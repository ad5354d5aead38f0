package dev.hearth.agent.update;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The active-slot pointer of one kind and what it points at, kept in one file so that a switch, a
 * commit and a rollback are each a single atomic write.
 *
 * @param active the slot that runs; empty for the build shipped with the agent
 * @param fallback what runs if the active slot fails its trial; empty for the shipped build
 * @param trial the switch awaiting its health check, if any
 * @param contents what each slot holds, for the slots that hold something usable
 */
public record SlotTable(
    Optional<Slot> active,
    Optional<Slot> fallback,
    Optional<Trial> trial,
    Map<Slot, SlotRelease> contents) {

  /** Nothing installed: the shipped build runs. */
  public static final SlotTable SHIPPED =
      new SlotTable(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

  public SlotTable {
    Objects.requireNonNull(active, "active");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(trial, "trial");
    contents = contents.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(contents));
    if (active.isPresent() && !contents.containsKey(active.get())) {
      throw new IllegalArgumentException("the active slot " + active.get().id() + " holds nothing");
    }
    if (trial.isPresent() && active.isEmpty()) {
      throw new IllegalArgumentException("a trial needs an active slot");
    }
  }

  /** Where the next install goes: never the slot that runs. */
  public Slot inactive() {
    return active.map(Slot::other).orElse(Slot.A);
  }

  /** What the active slot holds; empty when the shipped build runs. */
  public Optional<SlotRelease> activeRelease() {
    return active.map(contents::get);
  }

  /** The same table with {@code slot} forgotten, before it is overwritten. */
  public SlotTable emptied(Slot slot) {
    if (active.equals(Optional.of(slot))) {
      throw new IllegalStateException("the active slot " + slot.id() + " cannot be emptied");
    }
    Map<Slot, SlotRelease> rest = new EnumMap<>(Slot.class);
    rest.putAll(contents);
    rest.remove(slot);
    Optional<Slot> keptFallback = fallback.filter(f -> f != slot);
    return new SlotTable(active, keptFallback, trial, rest);
  }

  /**
   * Switched to {@code slot}, which now holds {@code release}, on trial; the old active is the
   * fallback.
   */
  public SlotTable switchedTo(Slot slot, SlotRelease release, Trial trial) {
    if (active.equals(Optional.of(slot))) {
      throw new IllegalStateException("slot " + slot.id() + " is already active");
    }
    Map<Slot, SlotRelease> next = new EnumMap<>(Slot.class);
    next.putAll(contents);
    next.put(slot, release);
    return new SlotTable(Optional.of(slot), active, Optional.of(trial), next);
  }

  /** The trial moved on to {@code stage}. */
  public SlotTable withTrial(Trial moved) {
    return new SlotTable(active, fallback, Optional.of(moved), contents);
  }

  /** The trial passed: the active slot stays, the fallback is kept for the next update. */
  public SlotTable committed() {
    return new SlotTable(active, fallback, Optional.empty(), contents);
  }

  /** The trial failed: the fallback runs again and the slot on trial is forgotten. */
  public SlotTable rolledBack() {
    Map<Slot, SlotRelease> kept = new EnumMap<>(Slot.class);
    kept.putAll(contents);
    active.ifPresent(kept::remove);
    return new SlotTable(fallback, Optional.empty(), Optional.empty(), kept);
  }
}
