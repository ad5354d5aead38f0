package dev.hearth.bench.fleet;

import dev.hearth.agent.link.HubLink;
import dev.hearth.agent.link.HubLinkConfig;
import dev.hearth.agent.link.LinkClock;
import dev.hearth.agent.link.LinkStatus;
import dev.hearth.agent.link.MqttSession;
import dev.hearth.agent.link.outbox.OutboxStats;
import dev.hearth.hardware.profile.Profile;
import java.nio.file.Path;

/**
 * One device of the fleet: the agent's {@link HubLink} (outbox, publisher, Paho session) over a
 * {@link ReplayAppliance}.
 */
final class SimulatedDevice {

  private final DeviceLogin login;
  private final HubLink link;

  SimulatedDevice(
      DeviceLogin login,
      Profile profile,
      ReplayReadings readings,
      FleetConfig config,
      Path outboxDir,
      MqttSession.Factory transport,
      LinkClock clock,
      long replayOffset) {
    this.login = login;
    var appliance =
        new ReplayAppliance(
            profile, readings, config.ratePerDevice(), replayOffset, clock.millis());
    HubLinkConfig linkConfig =
        HubLinkConfig.builder(login.broker())
            .credentials(login.username(), login.password())
            .keepAlive(config.keepAlive())
            .outbox(outboxDir, config.outboxBytes())
            .build();
    this.link =
        HubLink.builder(appliance, login.device(), linkConfig, transport).clock(clock).build();
  }

  void start() {
    link.start();
  }

  void stop() {
    link.stop();
  }

  boolean online() {
    return link.status().online();
  }

  /** The outbox now; zeros before the link started. */
  OutboxStats outbox() {
    LinkStatus status = link.status();
    return status.outbox() == null ? new OutboxStats(0, 0, 0, 0, 0, null, 0, 0) : status.outbox();
  }

  DeviceLogin login() {
    return login;
  }
}
