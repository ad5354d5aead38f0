package dev.hearth.agent.link;

import dev.hearth.agent.link.outbox.Outbox;
import dev.hearth.agent.runtime.Appliance;
import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.agent.runtime.ApplianceObserver;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.Status;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's link to its hub: reports the appliance on {@code hearth/v1/{deviceId}/…} and takes
 * the hub's commands and update offers, through any outage.
 *
 * <ul>
 *   <li>{@code status}: retained {@code online} (agent and firmware versions, profile) on every
 *       connect; the retained {@code offline} status is the MQTT last will, and is published before
 *       a clean {@link #stop()}.
 *   <li>{@code state}: on connect and on every change.
 *   <li>{@code events} and {@code telemetry}: through the on-disk {@link Outbox}, which numbers
 *       them, keeps them while the hub is unreachable (bounded in bytes, oldest telemetry dropped
 *       first, events never) and sends them in order once it is back. Telemetry is sampled every
 *       {@code sampleSeconds} of the profile's telemetry plan, batched every {@code sendSeconds}
 *       and at once on a state change.
 *   <li>{@code commands}: executed by the {@link Appliance}, each answered once on {@code
 *       commands/result}; a payload that does not decode gets a {@code payload-error} event (and an
 *       {@code error} result when its id is readable) and changes nothing.
 *   <li>{@code update}: decoded offers go to the {@link UpdateOffers}.
 * </ul>
 *
 * <p>The link runs on one thread of its own; the appliance's callbacks and the transport's only
 * hand it work. Reconnects back off exponentially with jitter ({@link HubLinkConfig}).
 *
 * <p>Wiring: {@code HubLink.builder(appliance, deviceId, config, PahoMqttSession.factory())
 * .identity(...).build()}, then {@link #start()} and, on shutdown, {@link #stop()}.
 */
public final class HubLink {

  /** How long {@link #stop()} waits for the link to finish, in seconds. */
  static final long STOP_TIMEOUT_SECONDS = 10;

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(STOP_TIMEOUT_SECONDS);

  private static final Logger log = LoggerFactory.getLogger(HubLink.class);

  private final Appliance appliance;
  private final DeviceId device;
  private final HubLinkConfig config;
  private final Supplier<AgentIdentity> identity;
  private final MqttSession.Factory transport;
  private final LinkClock clock;
  private final boolean ownsClock;
  private final Function<EventSink, UpdateOffers> updateOffers;
  private final ThreadPoolExecutor linkThread;
  private final EventSink events = this::emit;

  private enum Phase {
    NEW,
    STARTED,
    STOPPED
  }

  private volatile Phase phase = Phase.NEW;
  private LinkEngine engine;
  private Appliance.Registration registration;
  private volatile LinkStatus status = LinkStatus.NOT_STARTED;

  private HubLink(Builder b) {
    this.appliance = b.appliance;
    this.device = b.device;
    this.config = b.config;
    this.identity = b.identity;
    this.transport = b.transport;
    this.ownsClock = b.clock == null;
    this.clock = b.clock == null ? LinkClock.system() : b.clock;
    this.updateOffers =
        b.updateOffers == null
            ? sink -> new UnsupportedUpdateOffers(sink, clock::millis)
            : b.updateOffers;
    this.linkThread =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "hearth-link");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A link for {@code appliance}, known to the hub as {@code device}.
   *
   * @param transport makes MQTT sessions, e.g. {@code PahoMqttSession.factory()}
   */
  public static Builder builder(
      Appliance appliance, DeviceId device, HubLinkConfig config, MqttSession.Factory transport) {
    return new Builder(appliance, device, config, transport);
  }

  /**
   * Opens the outbox, starts observing the appliance and starts connecting; returns without waiting
   * for the hub. What was queued before the last stop (or crash) is sent first.
   *
   * @throws LinkConfigException when the CA file is not usable
   * @throws dev.hearth.agent.link.outbox.OutboxException when the outbox cannot be opened
   * @throws IllegalStateException when started before
   */
  public synchronized void start() {
    if (phase != Phase.NEW) {
      throw new IllegalStateException("a hub link starts once; build a new one");
    }
    SSLSocketFactory tls = config.caFile() == null ? null : CaTrust.socketFactory(config.caFile());
    Outbox outbox = Outbox.open(config.outboxDir(), config.outboxMaxBytes(), clock::millis);
    engine =
        new LinkEngine(
            appliance, device, config, identity, transport, clock, this::post, tls, outbox);
    engine.handleUpdatesWith(updateOffers.apply(events));
    phase = Phase.STARTED;
    status = engine.snapshot();
    post(engine::start);
    registration =
        appliance.observe(
            new ApplianceObserver() {
              @Override
              public void onState(StateReport state) {
                post(() -> engine.onState(state));
              }

              @Override
              public void onEvent(ApplianceEvent event) {
                emit(event);
              }
            });
    log.info("hub link for {} started: {}", device, config);
  }

  /**
   * Sends what was sampled to the outbox, publishes the offline status if connected, disconnects
   * and closes the outbox; waits up to {@value #STOP_TIMEOUT_SECONDS} seconds. Idempotent.
   */
  public synchronized void stop() {
    if (phase != Phase.STARTED) {
      phase = Phase.STOPPED;
      linkThread.shutdown();
      closeClock();
      return;
    }
    phase = Phase.STOPPED;
    registration.close();
    try {
      linkThread
          .submit(() -> run(engine::stop))
          .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("hub link did not stop cleanly within {}: {}", STOP_TIMEOUT, e.toString());
    } finally {
      linkThread.shutdownNow();
      closeClock();
    }
  }

  /** Where the link stands now; safe from any thread. */
  public LinkStatus status() {
    return status;
  }

  /** Where other parts of the agent (the update engine) raise events for the hub. */
  public EventSink events() {
    return events;
  }

  /** Waits until the link's thread has run everything handed to it so far. For tests. */
  void awaitIdle() {
    do {
      try {
        linkThread.submit(() -> {}).get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
        return;
      }
    } while (!linkThread.getQueue().isEmpty());
  }

  private void emit(ApplianceEvent event) {
    Objects.requireNonNull(event, "event");
    if (!post(() -> engine.onEvent(event))) {
      log.warn(
          "the hub link is not running; event '{}' ({}) is not queued",
          event.type(),
          event.message());
    }
  }

  private boolean post(Runnable task) {
    if (phase != Phase.STARTED) {
      return false;
    }
    try {
      linkThread.execute(() -> run(task));
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  private void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("hub link task failed", e);
    } finally {
      status = engine.snapshot();
    }
  }

  private void closeClock() {
    if (ownsClock && clock instanceof SystemLinkClock system) {
      system.close();
    }
  }

  /** Assembles a {@link HubLink}. */
  public static final class Builder {
    private final Appliance appliance;
    private final DeviceId device;
    private final HubLinkConfig config;
    private final MqttSession.Factory transport;
    private Supplier<AgentIdentity> identity = AgentIdentity::ofThisAgent;
    private LinkClock clock;
    private Function<EventSink, UpdateOffers> updateOffers;

    private Builder(
        Appliance appliance, DeviceId device, HubLinkConfig config, MqttSession.Factory transport) {
      this.appliance = Objects.requireNonNull(appliance, "appliance");
      this.device = Objects.requireNonNull(device, "device");
      this.config = Objects.requireNonNull(config, "config");
      this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** What the status says about the agent; defaults to {@link AgentIdentity#ofThisAgent()}. */
    public Builder identity(AgentIdentity identity) {
      Objects.requireNonNull(identity, "identity");
      this.identity = () -> identity;
      return this;
    }

    /**
     * What the status says about the agent, read at each status: after an update the hub is told
     * the new firmware at once (with the next state report) and on every later connect.
     */
    public Builder identity(Supplier<AgentIdentity> identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /** The link's time; defaults to real time. */
    public Builder clock(LinkClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Who takes update offers, given the link's event sink for progress events; defaults to {@link
     * UnsupportedUpdateOffers}.
     */
    public Builder updateOffers(Function<EventSink, UpdateOffers> updateOffers) {
      this.updateOffers = Objects.requireNonNull(updateOffers, "updateOffers");
      return this;
    }

    /**
     * The link, not yet started.
     *
     * @throws IllegalArgumentException when the identity or the profile's telemetry plan cannot go
     *     on the wire
     */
    public HubLink build() {
      // Fail here rather than on the first connect: the status must encode.
      AgentIdentity now = identity.get();
      new Status(
          Status.Presence.OFFLINE,
          now.agentVersion(),
          now.firmware(),
          appliance.profile().ref(),
          0);
      var plan = appliance.profile().telemetry();
      if (!(plan.sampleSeconds() > 0) || !(plan.sendSeconds() > 0)) {
        throw new IllegalArgumentException(
            "profile "
                + appliance.profile().ref()
                + " has a telemetry plan without positive sample and send intervals");
      }
      return new HubLink(this);
    }
  }
}
