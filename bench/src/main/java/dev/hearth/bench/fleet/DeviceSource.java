package dev.hearth.bench.fleet;

import java.util.List;

/** Where the fleet's devices come from: enrolled with a hub, or made up for a plain broker. */
public interface DeviceSource {

  /**
   * Logins for {@code count} devices, each distinct.
   *
   * @throws IllegalStateException when they cannot be had (a hub that refuses enrollment)
   */
  List<DeviceLogin> logins(int count);

  /** What the devices talk to, for the report. */
  String describe();
}
