package dev.hearth.agent.link;

import dev.hearth.agent.link.outbox.Outbox;
import dev.hearth.agent.link.outbox.OutboxException;
import dev.hearth.agent.link.outbox.TelemetryAppend;
import dev.hearth.agent.runtime.Appliance;
import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.Status;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.WireCodec;
import dev.hearth.specs.wire.WireException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link's logic, confined to the link's thread: the connection's life (connect, resume, back
 * off, reconnect), telemetry timing, the appliance's state and events, and what the hub sends.
 * Everything that happens elsewhere (timers, transport callbacks, the appliance) arrives as a task
 * on {@code linkThread}.
 */
final class LinkEngine {

  /**
   * The largest packet the broker may deliver. Above the largest wire payload (64 KiB) so that
   * oversized payloads still arrive and get a clear {@code payload-error}; bounded so a rogue
   * publisher cannot exhaust a small heap (the broker discards larger packets).
   */
  static final int MAX_INBOUND_PACKET_BYTES = 256 * 1024;

  /** A connection that lasted this long resets the backoff; shorter ones keep backing off. */
  static final Duration STABLE_AFTER = Duration.ofSeconds(30);

  /** How long a clean stop waits for the broker to take the offline status. */
  static final Duration FAREWELL_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(LinkEngine.class);

  private final Appliance appliance;
  private final DeviceId device;
  private final HubLinkConfig config;
  private final MqttSession.Factory transport;
  private final LinkClock clock;
  private final Executor linkThread;
  private final SSLSocketFactory tls;
  private final Outbox outbox;
  private final WireCodec codec = new WireCodec();
  private final Backoff backoff;
  private final Publisher publisher;
  private final TelemetryBatcher batcher;
  private final DeviceMessages messages;
  private InboundHandler inbound;

  private MqttSession session;
  private long generation;
  private LinkStatus.Connection connection = LinkStatus.Connection.STOPPED;
  private String lastError;
  private int attempt;
  private long connectedAt = -1;
  private LinkClock.Timer reconnectTimer;
  private LinkClock.Timer telemetryTimer;
  private TelemetryCadence cadence;
  private boolean stopping;

  LinkEngine(
      Appliance appliance,
      DeviceId device,
      HubLinkConfig config,
      Supplier<AgentIdentity> identity,
      MqttSession.Factory transport,
      LinkClock clock,
      Executor linkThread,
      SSLSocketFactory tls,
      Outbox outbox) {
    this.appliance = appliance;
    this.device = device;
    this.config = config;
    this.transport = transport;
    this.clock = clock;
    this.linkThread = linkThread;
    this.tls = tls;
    this.outbox = outbox;
    this.backoff = new Backoff(config.reconnectMin(), config.reconnectMax(), Math::random);
    this.publisher = new Publisher(outbox, device, config.telemetryQos());
    this.batcher = new TelemetryBatcher(appliance.profile().telemetry(), codec);
    this.messages = new DeviceMessages(device, identity, appliance.profile().ref(), codec);
  }

  /** Set before {@link #start()}: the update offers need the link's event sink. */
  void handleUpdatesWith(UpdateOffers offers) {
    this.inbound = new InboundHandler(appliance, offers, codec, clock::millis);
  }

  void start() {
    cadence = new TelemetryCadence(appliance.profile().telemetry(), clock.millis());
    scheduleTelemetry();
    connect();
  }

  /** Flushes telemetry to the outbox, says goodbye to the hub, closes the outbox. */
  void stop() {
    stopping = true;
    cancel(reconnectTimer);
    cancel(telemetryTimer);
    flushTelemetry();
    if (session != null) {
      if (connection == LinkStatus.Connection.ONLINE) {
        session.close(messages.status(Status.Presence.OFFLINE, clock.millis()), FAREWELL_TIMEOUT);
      } else {
        session.abort();
      }
      session = null;
      publisher.detach();
    }
    outbox.close();
    connection = LinkStatus.Connection.STOPPED;
    log.info("hub link stopped");
  }

  LinkStatus snapshot() {
    return new LinkStatus(connection, lastError, attempt, outbox.stats());
  }

  // ---- the appliance ----

  void onState(StateReport state) {
    if (stopping) {
      return;
    }
    // A state change sends what was sampled under the old state at once.
    flushTelemetry();
    cadence.sentEarly(clock.millis());
    if (connection == LinkStatus.Connection.ONLINE) {
      // An update changed the firmware: the retained status says so before the new state.
      messages.statusIfChanged(clock.millis()).ifPresent(m -> publisher.send(TopicKind.STATUS, m));
      messages.state(state).ifPresent(m -> publisher.send(TopicKind.STATE, m));
    }
    publisher.pump();
  }

  void onEvent(ApplianceEvent event) {
    queueEvent(event);
    publisher.pump();
  }

  private void queueEvent(ApplianceEvent event) {
    try {
      outbox.appendEvent(EventDrafts.normalize(event));
    } catch (WireException e) {
      log.error(
          "event '{}' ({}) cannot be sent and is dropped: {}; the code raising it must be fixed",
          event.type(),
          event.message(),
          e.error());
    } catch (OutboxException e) {
      log.error("event '{}' ({}) is lost: {}", event.type(), event.message(), e.getMessage(), e);
    }
  }

  // ---- telemetry ----

  private void scheduleTelemetry() {
    long delay = Math.max(0, cadence.nextSampleAt() - clock.millis());
    telemetryTimer =
        clock.schedule(Duration.ofMillis(delay), () -> linkThread.execute(this::telemetryTick));
  }

  private void telemetryTick() {
    if (stopping) {
      return;
    }
    long now = clock.millis();
    try {
      batcher.sample(now, appliance.readings());
    } catch (RuntimeException e) {
      log.warn("reading the appliance for telemetry failed: {}", e.toString());
    }
    if (cadence.sampled(now)) {
      flushTelemetry();
      publisher.pump();
    }
    scheduleTelemetry();
  }

  private void flushTelemetry() {
    for (var samples : batcher.cut()) {
      try {
        TelemetryAppend appended = outbox.appendTelemetry(samples);
        log.trace("telemetry batch {}: {} samples", appended.seq(), samples.size());
      } catch (OutboxException e) {
        log.error("{} telemetry samples are lost: {}", samples.size(), e.getMessage(), e);
      }
    }
  }

  // ---- the connection ----

  private void connect() {
    if (stopping) {
      return;
    }
    reconnectTimer = null;
    long gen = ++generation;
    connection = LinkStatus.Connection.CONNECTING;
    var spec =
        new ConnectSpec(
            config.broker(),
            device.value(),
            config.username(),
            config.password(),
            tls,
            config.keepAlive(),
            config.connectTimeout(),
            config.sessionExpiry(),
            messages.status(Status.Presence.OFFLINE, clock.millis()),
            List.of(messages.topic(TopicKind.COMMANDS), messages.topic(TopicKind.UPDATE)),
            MAX_INBOUND_PACKET_BYTES);
    try {
      session = transport.create();
      session.connect(spec, new SessionEvents(gen));
    } catch (RuntimeException e) {
      log.warn("cannot connect to {}: {}", config.broker(), e.toString());
      dropConnection(e.toString());
    }
  }

  private void onConnected(long gen, MqttSession.Connected connected) {
    if (!current(gen)) {
      return;
    }
    connection = LinkStatus.Connection.ONLINE;
    connectedAt = clock.millis();
    lastError = null;
    log.info(
        "connected to {} as {} ({} session)",
        config.broker(),
        device,
        connected.sessionPresent() ? "resumed" : "new");
    if (!connected.refusedSubscriptions().isEmpty()) {
      log.error(
          "the broker refused the subscriptions {}: this agent will not receive commands or"
              + " updates; check the hub's access rules for {}",
          connected.refusedSubscriptions(),
          device);
    }
    publisher.attach(session, connected.receiveMaximum());
    // The wire protocol's order on connecting: the online status, then the current state.
    publisher.send(TopicKind.STATUS, messages.status(Status.Presence.ONLINE, clock.millis()));
    try {
      messages.state(appliance.state()).ifPresent(m -> publisher.send(TopicKind.STATE, m));
    } catch (RuntimeException e) {
      log.warn("reading the appliance's state failed: {}", e.toString());
    }
    publisher.pump();
  }

  private void onConnectFailed(long gen, String reason) {
    if (!current(gen)) {
      return;
    }
    log.warn("cannot connect to {}: {}", config.broker(), reason);
    dropConnection(reason);
  }

  private void onConnectionLost(long gen, String reason) {
    if (!current(gen)) {
      return;
    }
    log.warn("lost the connection to {}: {}", config.broker(), reason);
    dropConnection(reason);
  }

  /** Whether a callback comes from the session in use (not one already dropped or replaced). */
  private boolean current(long gen) {
    return gen == generation && session != null && !stopping;
  }

  private void dropConnection(String reason) {
    cancel(reconnectTimer);
    if (session != null) {
      session.abort();
      session = null;
    }
    publisher.detach();
    connection = LinkStatus.Connection.OFFLINE;
    lastError = reason;
    long now = clock.millis();
    if (connectedAt >= 0 && now - connectedAt >= STABLE_AFTER.toMillis()) {
      attempt = 0;
    }
    connectedAt = -1;
    Duration delay = backoff.delay(attempt);
    attempt++;
    log.info("reconnecting in {} ms (attempt {})", delay.toMillis(), attempt);
    reconnectTimer = clock.schedule(delay, () -> linkThread.execute(this::connect));
  }

  private void onPublished(long gen, long tag, PublishOutcome outcome) {
    if (!current(gen)) {
      return;
    }
    Optional<String> broken = publisher.published(tag, outcome);
    if (broken.isPresent()) {
      log.warn("a publish failed ({}); reconnecting", broken.get());
      dropConnection("publish failed: " + broken.get());
      return;
    }
    publisher.pump();
  }

  /**
   * A message arrived, on this connection or one that has just ended: either way the broker has had
   * its acknowledgement, so it is handled.
   */
  private void onReceived(String topic, byte[] payload) {
    if (stopping) {
      return;
    }
    InboundHandler.Outcome outcome;
    if (topic.equals(messages.topic(TopicKind.COMMANDS))) {
      outcome = inbound.command(payload);
    } else if (topic.equals(messages.topic(TopicKind.UPDATE))) {
      outcome = inbound.update(payload);
    } else {
      log.warn("ignored a message on {}, a topic this agent does not subscribe to", topic);
      return;
    }
    outcome.events().forEach(this::queueEvent);
    outcome.result().ifPresent(r -> publisher.send(TopicKind.COMMAND_RESULT, messages.result(r)));
    publisher.pump();
  }

  private static void cancel(LinkClock.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }

  /** Forwards one session's callbacks to the link's thread, tagged with its generation. */
  private final class SessionEvents implements MqttSession.Listener {
    private final long gen;

    SessionEvents(long gen) {
      this.gen = gen;
    }

    @Override
    public void connected(MqttSession.Connected connected) {
      linkThread.execute(() -> onConnected(gen, connected));
    }

    @Override
    public void connectFailed(String reason) {
      linkThread.execute(() -> onConnectFailed(gen, reason));
    }

    @Override
    public void connectionLost(String reason) {
      linkThread.execute(() -> onConnectionLost(gen, reason));
    }

    @Override
    public void received(String topic, byte[] payload) {
      linkThread.execute(() -> onReceived(topic, payload));
    }

    @Override
    public void published(long tag, PublishOutcome outcome) {
      linkThread.execute(() -> onPublished(gen, tag, outcome));
    }
  }
}
