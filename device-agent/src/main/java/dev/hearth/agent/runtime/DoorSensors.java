package dev.hearth.agent.runtime;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Interlocks.DoorLock;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.safety.SafetyKernel;
import dev.hearth.specs.wire.StateReport;
import java.util.List;

/**
 * The door and lock as a state report shows them, from the profile's channels: the door switches
 * are the digital inputs named {@code door} or {@code door_*} that are not the lock's sensor, each
 * reading 1 when the door is shut (as the shipped profiles wire them); the lock is the sensor of
 * the profile's door lock.
 */
final class DoorSensors {

  private final List<String> doorSwitches;
  private final String lockSensor;

  DoorSensors(Profile profile) {
    DoorLock lock = profile.interlocks().lock();
    this.lockSensor = lock == null ? null : lock.sensor();
    this.doorSwitches =
        profile.inputs().stream()
            .filter(Channel::isDigital)
            .map(Channel::name)
            .filter(n -> n.equals("door") || n.startsWith("door_"))
            .filter(n -> !n.equals(lockSensor) && !n.contains("lock"))
            .toList();
  }

  /** Open when any switch reads open, closed when all read shut, unknown otherwise. */
  StateReport.Door door(SafetyKernel kernel) {
    if (doorSwitches.isEmpty()) {
      return StateReport.Door.UNKNOWN;
    }
    boolean unknown = false;
    for (String s : doorSwitches) {
      double v = kernel.reading(s);
      if (Double.isNaN(v)) {
        unknown = true;
      } else if (v == 0.0) {
        return StateReport.Door.OPEN;
      }
    }
    return unknown ? StateReport.Door.UNKNOWN : StateReport.Door.CLOSED;
  }

  StateReport.Lock lock(SafetyKernel kernel) {
    if (lockSensor == null) {
      return StateReport.Lock.NONE;
    }
    return kernel.reading(lockSensor) == 1.0 ? StateReport.Lock.LOCKED : StateReport.Lock.UNLOCKED;
  }
}
