package dev.hearth.hub.telemetry.alert;

import dev.hearth.hardware.profile.Interlocks;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Devices;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which alarm each interlock of a device raises, from its hardware profile: state reports name the
 * tripped interlocks ({@code leak}), rules speak of alarms ({@code leak-detected}). Loaded once per
 * device; a device on a profile the hub does not ship maps every interlock to itself.
 */
final class TripAlarms {

  private final Devices devices;
  private final Map<String, Map<String, String>> byDevice = new ConcurrentHashMap<>();

  TripAlarms(Devices devices) {
    this.devices = devices;
  }

  String alarmOf(String deviceId, String tripId) {
    return byDevice.computeIfAbsent(deviceId, this::load).getOrDefault(tripId, tripId);
  }

  private Map<String, String> load(String deviceId) {
    return devices
        .find(deviceId)
        .map(Device::profile)
        .flatMap(ShippedProfiles::find)
        .map(
            p ->
                p.interlocks().trips().stream()
                    .collect(Collectors.toMap(Interlocks.Trip::id, Interlocks.Trip::alarm)))
        .orElse(Map.of());
  }
}
