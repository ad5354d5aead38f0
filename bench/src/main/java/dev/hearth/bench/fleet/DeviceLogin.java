package dev.hearth.bench.fleet;

import dev.hearth.specs.wire.DeviceId;
import java.net.URI;
import java.util.Objects;

/**
 * How one simulated device reaches its broker.
 *
 * @param device its id, the topic level {@code hearth/v1/{device}/…}
 * @param broker {@code tcp://host:port}
 * @param username MQTT user name, {@code null} for none
 * @param password MQTT password, {@code null} for none; never printed
 */
public record DeviceLogin(DeviceId device, URI broker, String username, String password) {

  public DeviceLogin {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(broker, "broker");
  }

  @Override
  public String toString() {
    return "DeviceLogin[" + device + " at " + broker + ", user " + username + "]";
  }
}
