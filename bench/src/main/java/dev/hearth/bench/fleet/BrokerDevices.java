package dev.hearth.bench.fleet;

import dev.hearth.specs.wire.DeviceId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Devices for a plain MQTT broker (the baselines): made-up ids under one run prefix, no
 * credentials.
 */
public final class BrokerDevices implements DeviceSource {

  private final URI broker;
  private final String prefix;

  /**
   * Devices {@code <prefix>-00000}, {@code <prefix>-00001}, … on {@code broker}.
   *
   * @param prefix lower-case letters, digits and '-'; distinct per run so sessions never collide
   */
  public BrokerDevices(URI broker, String prefix) {
    this.broker = Objects.requireNonNull(broker, "broker");
    this.prefix = prefix.toLowerCase(Locale.ROOT);
    new DeviceId(this.prefix + "-00000");
  }

  @Override
  public List<DeviceLogin> logins(int count) {
    List<DeviceLogin> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(
          new DeviceLogin(
              new DeviceId(String.format(Locale.ROOT, "%s-%05d", prefix, i)), broker, null, null));
    }
    return out;
  }

  @Override
  public String describe() {
    return "broker " + broker;
  }
}
