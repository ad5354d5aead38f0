package dev.hearth.agent.link;

import dev.hearth.agent.link.outbox.Outbox;
import dev.hearth.agent.link.paho.PahoMqttSession;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Status;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * A started {@link HubLink} for a fake appliance on stepped time, with a {@link HubProbe} that
 * subscribed before the link connected, against a real broker.
 */
final class LinkUnderTest implements AutoCloseable {

  static final long START = 1_750_000_000_000L;
  static final AgentIdentity IDENTITY =
      new AgentIdentity("0.1.0-test", new Status.Firmware("washer-programs", "1.2.0"));

  final DeviceId device = new DeviceId("link-test-" + UUID.randomUUID().toString().substring(0, 8));
  final ManualLinkClock clock = new ManualLinkClock(START);
  final FakeAppliance appliance;
  final HubProbe probe;
  final HubLink link;

  /** What the link says about the agent; a test changes it as an update would. */
  volatile AgentIdentity identity = IDENTITY;

  private LinkUnderTest(
      String brokerUri,
      String probeUri,
      Path outbox,
      Profile profile,
      UnaryOperator<HubLinkConfig.Builder> settings,
      MqttSession.Factory transport)
      throws MqttException {
    appliance = new FakeAppliance(profile, clock::millis);
    probe = HubProbe.connect(probeUri, device);
    HubLinkConfig config =
        settings
            .apply(
                HubLinkConfig.builder(URI.create(brokerUri)).outbox(outbox, Outbox.MIN_MAX_BYTES))
            .build();
    link =
        HubLink.builder(appliance, device, config, transport)
            .identity(() -> identity)
            .clock(clock)
            .build();
    clock.settleWith(link::awaitIdle);
  }

  /** A link over Paho to {@code brokerUri}, not yet started; the probe uses {@code probeUri}. */
  static LinkUnderTest create(
      String brokerUri,
      String probeUri,
      Path outbox,
      UnaryOperator<HubLinkConfig.Builder> settings,
      MqttSession.Factory transport)
      throws MqttException {
    return new LinkUnderTest(
        brokerUri, probeUri, outbox, FakeAppliance.washer(1, 5), settings, transport);
  }

  /** Starts a link to {@code brokerUri} and waits until it is online. */
  static LinkUnderTest online(String brokerUri, Path outbox, Profile profile) throws MqttException {
    var t =
        new LinkUnderTest(brokerUri, brokerUri, outbox, profile, b -> b, PahoMqttSession.factory());
    t.link.start();
    t.awaitOnline();
    return t;
  }

  /** Waits (time standing still) until the link is online and the hub saw it. */
  void awaitOnline() {
    HubProbe.awaitTrue("the link to come online", () -> link.status().online());
    probe.await(Status.class, s -> s.state() == Status.Presence.ONLINE);
  }

  /** Steps time a second at a go until {@code condition} holds. */
  void awaitStepping(String what, BooleanSupplier condition) {
    HubProbe.awaitTrue(
        what,
        () -> {
          if (condition.getAsBoolean()) {
            return true;
          }
          clock.advance(Duration.ofSeconds(1));
          return condition.getAsBoolean();
        });
  }

  @Override
  public void close() throws MqttException {
    link.stop();
    probe.clearRetained();
    probe.close();
  }
}
