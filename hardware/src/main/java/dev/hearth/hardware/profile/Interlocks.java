package dev.hearth.hardware.profile;

import dev.hearth.hardware.condition.Expression;
import java.util.List;

/**
 * The safety rules of the hardware. They belong to the profile, not to firmware: no program or
 * command can change them. The safety kernel enforces them on every write and every sensor change.
 *
 * @param guards conditions an output needs to be active
 * @param trips conditions that force outputs to their safe state and raise an alarm
 * @param maxOn longest continuous time an output may stay active
 * @param lock the door lock, when the appliance has one
 */
public record Interlocks(List<Guard> guards, List<Trip> trips, List<MaxOn> maxOn, DoorLock lock) {

  /**
   * An output may be active (away from its safe state) only while {@code requires} holds. With
   * {@code when}, the guard applies only while {@code when} holds (e.g. only above tumble speed).
   * Checked before every write (the write is refused) and after every sensor change (the output is
   * tripped to safe).
   */
  public record Guard(String id, String output, Expression when, Expression requires, String why) {}

  /**
   * When {@code when} holds, {@code outputs} go to their safe state at once and {@code alarm} is
   * raised. A latched trip keeps them there until the kernel is reset with the condition gone.
   */
  public record Trip(
      String id, Expression when, List<String> outputs, boolean latch, String alarm, String why) {}

  /** {@code output} may stay active for at most {@code seconds} at a stretch. */
  public record MaxOn(String id, String output, double seconds, String why) {}

  /**
   * The door lock: {@code output} on means locked, {@code sensor} reports the latch. The lock is
   * released only while {@code releaseWhen} holds, also when everything else goes to its safe
   * state.
   */
  public record DoorLock(String output, String sensor, Expression releaseWhen, String why) {}
}
