package dev.hearth.hub.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.api.ApiDependencies;
import dev.hearth.hub.api.HubRouter;
import dev.hearth.hub.api.RecordingCommandSender;
import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.limits.RateLimit;
import dev.hearth.hub.live.EventBusLiveUpdates;
import dev.hearth.hub.registry.ClaimOutcome;
import dev.hearth.hub.registry.EnrollmentOutcome;
import dev.hearth.hub.registry.RegistryFixture;
import dev.hearth.hub.store.CommandRecord;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.IngestBatch.CommandResultRow;
import dev.hearth.hub.store.IngestBatch.EventRow;
import dev.hearth.hub.store.IngestBatch.Sample;
import dev.hearth.hub.store.IngestBatch.StateRow;
import dev.hearth.hub.store.IngestBatch.StatusRow;
import dev.hearth.hub.store.IngestBatch.TelemetryRow;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.PageRequest;
import dev.hearth.hub.telemetry.AlertConfig;
import dev.hearth.hub.telemetry.LiveIngestPublisher;
import dev.hearth.hub.telemetry.alert.AlertEngine;
import dev.hearth.hub.telemetry.alert.AlertRules;
import dev.hearth.specs.enrollment.ClaimCode;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.WireCodec;
import dev.hearth.specs.wire.WirePayload;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hub as the browser sees it, over real loopback HTTP: {@link HubRouter} and the {@link
 * Dashboard} on one router, the registry on an in-memory H2 store, and a {@link
 * RecordingCommandSender} where the gateway would be. {@link #deliver} does what the gateway does
 * with device messages: commit the batch, then tell the live publisher and the alert engine, which
 * push to open browsers over the Vert.x event bus.
 */
final class DashboardHub implements AutoCloseable {

  static final String PASSWORD = RegistryFixture.PASSWORD;
  private static final WireCodec CODEC = new WireCodec();
  private static final RateLimit GENEROUS = RateLimit.of(1000, Duration.ofMillis(10));

  final RegistryFixture fixture =
      RegistryFixture.create(
          r -> r.loginPerAccount(GENEROUS).loginPerAddress(GENEROUS).claimPerOwner(GENEROUS));
  final Vertx vertx = Vertx.vertx();
  final RecordingCommandSender commands =
      new RecordingCommandSender(fixture.store.commands(), fixture.clock);
  final FirmwareCatalog catalog = fixture.openCatalog();
  final HttpServer server;
  private final LiveIngestPublisher live;
  private final AlertEngine alerts;
  private final Map<String, AtomicLong> seqs = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  DashboardHub() {
    var deps =
        ApiDependencies.of(
                fixture.registry,
                fixture.store,
                commands,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .withClock(fixture.clock)
            .withCatalog(catalog);
    Router router = HubRouter.create(vertx, deps);
    Dashboard.mount(router, deps.profiles());
    server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    EventBusLiveUpdates updates = new EventBusLiveUpdates(vertx.eventBus());
    live = new LiveIngestPublisher(updates);
    alerts =
        new AlertEngine(
            fixture.store,
            updates,
            AlertRules.defaults(AlertConfig.DEFAULTS, fixture.clock.instant()),
            fixture.clock);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** An owner account, made through the registry, with {@link #PASSWORD}. */
  Owner owner(String name) {
    return fixture.owner(name + "@example.test");
  }

  /**
   * A board that enrolled with a code it made up and waits for its owner to claim it; returns the
   * code it shows.
   */
  ClaimCode pending(String profile) {
    ClaimCode code = ClaimCode.generate(random);
    var outcome = fixture.registry.enrollment().enroll(fixture.request(code, profile), "10.0.0.9");
    if (!(outcome instanceof EnrollmentOutcome.Pending)) {
      throw new IllegalStateException("expected a pending enrollment, got " + outcome);
    }
    return code;
  }

  /** A washer enrolled by its board and claimed by {@code owner}, as the dashboard would. */
  Device washer(Owner owner) {
    var claimed = fixture.registry.claims().claim(owner.id(), pending(RegistryFixture.WASHER));
    if (claimed instanceof ClaimOutcome.Claimed c) {
      return c.device();
    }
    throw new IllegalStateException("claim failed: " + claimed);
  }

  Device device(String id) {
    return fixture.store.devices().find(id).orElseThrow();
  }

  /** The device's commands, newest first. */
  List<CommandRecord> commandsOf(String deviceId) {
    return fixture.store.commands().of(deviceId, PageRequest.first(50)).items();
  }

  /** Commits the rows as one batch and pushes it live, as the gateway's group commit does. */
  IngestBatch deliver(Object... rows) {
    var telemetry = new ArrayList<TelemetryRow>();
    var events = new ArrayList<EventRow>();
    var states = new ArrayList<StateRow>();
    var statuses = new ArrayList<StatusRow>();
    var results = new ArrayList<CommandResultRow>();
    for (Object row : rows) {
      if (row instanceof TelemetryRow t) {
        telemetry.add(t);
      } else if (row instanceof EventRow e) {
        events.add(e);
      } else if (row instanceof StateRow s) {
        states.add(s);
      } else if (row instanceof StatusRow s) {
        statuses.add(s);
      } else if (row instanceof CommandResultRow r) {
        results.add(r);
      } else {
        throw new IllegalArgumentException("not a batch row: " + row);
      }
    }
    IngestBatch batch = new IngestBatch(telemetry, events, states, statuses, results);
    fixture.store.commit(batch);
    live.onCommitted(batch);
    alerts.onCommitted(batch);
    // Device time moves on, so the next message is newer than this one.
    fixture.clock.advance(Duration.ofSeconds(1));
    return batch;
  }

  long now() {
    return fixture.clock.millis();
  }

  private long next(String deviceId, String kind) {
    return seqs.computeIfAbsent(deviceId + "/" + kind, k -> new AtomicLong()).incrementAndGet();
  }

  StatusRow online(String deviceId) {
    return new StatusRow(deviceId, "online", now(), "1.2.0", "washer-programs", "1.0.0");
  }

  /** A washer running {@code program} at {@code step} with {@code remaining} seconds to go. */
  StateRow running(String deviceId, String program, String step, long remaining) {
    return state(
        deviceId,
        StateReport.Phase.RUNNING,
        program,
        step,
        remaining,
        StateReport.Door.CLOSED,
        StateReport.Lock.LOCKED);
  }

  StateRow state(
      String deviceId,
      StateReport.Phase phase,
      String program,
      String step,
      Long remaining,
      StateReport.Door door,
      StateReport.Lock lock) {
    long seq = next(deviceId, "state");
    var report =
        new StateReport(
            now(), seq, phase, program, step, remaining, door, lock, List.of(), Map.of());
    return new StateRow(deviceId, seq, now(), wire(report));
  }

  /** One sample of {@code values} now. */
  TelemetryRow telemetry(String deviceId, Map<String, Double> values) {
    return new TelemetryRow(
        deviceId, next(deviceId, "telemetry"), now(), 0, List.of(new Sample(now(), values)));
  }

  /** {@code count} samples a second apart, ending a second before now. */
  TelemetryRow history(String deviceId, int count, Map<String, Double> values) {
    var samples = new ArrayList<Sample>();
    for (int i = count; i >= 1; i--) {
      samples.add(new Sample(now() - i * 1000L, values));
    }
    return new TelemetryRow(deviceId, next(deviceId, "telemetry"), now(), 0, samples);
  }

  EventRow event(
      String deviceId, String type, Event.Severity severity, String message, String... data) {
    long seq = next(deviceId, "event");
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < data.length; i += 2) {
      fields.put(data[i], data[i + 1]);
    }
    var event = new Event(seq, now(), type, severity, message, fields);
    return new EventRow(deviceId, seq, now(), type, severity.wireName(), message, wire(event));
  }

  /** The washer's leak float switch tripped: the agent's alarm event. */
  EventRow leak(String deviceId) {
    return event(
        deviceId,
        "alarm",
        Event.Severity.ALARM,
        "leak-detected: water in the base pan",
        "alarm",
        "leak-detected",
        "interlock",
        "leak");
  }

  CommandResultRow result(String deviceId, String commandId, String outcome, String message) {
    return new CommandResultRow(deviceId, commandId, outcome, message, now());
  }

  private static String wire(WirePayload payload) {
    return new String(CODEC.encode(payload), StandardCharsets.UTF_8);
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
    catalog.close();
    fixture.close();
  }
}
