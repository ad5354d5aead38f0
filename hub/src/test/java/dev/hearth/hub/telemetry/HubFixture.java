package dev.hearth.hub.telemetry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.time.SimulatedClock;
import dev.hearth.hub.gateway.IngestListener;
import dev.hearth.hub.store.Alerts.Alert;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.IngestBatch.EventRow;
import dev.hearth.hub.store.IngestBatch.Sample;
import dev.hearth.hub.store.IngestBatch.StateRow;
import dev.hearth.hub.store.IngestBatch.StatusRow;
import dev.hearth.hub.store.IngestBatch.TelemetryRow;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.PageRequest;
import dev.hearth.hub.store.jdbc.JdbcHubStore;
import dev.hearth.hub.store.jdbc.StoreConfig;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.StateReport.Door;
import dev.hearth.specs.wire.StateReport.Lock;
import dev.hearth.specs.wire.StateReport.Phase;
import dev.hearth.specs.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real store on a private in-memory H2 database with a simulated clock, an owner with a washer
 * and a microwave, and builders for the messages devices send. {@link #deliver} does what the
 * gateway does: commit, then tell the listeners.
 */
public final class HubFixture implements AutoCloseable {

  /** A round start time, so minute boundaries are easy to reason about. */
  public static final Instant START = Instant.parse("2030-01-07T08:00:00Z");

  public static final String OWNER = "owner-1";
  public static final String WASHER = "wsh-000001";
  public static final String MICROWAVE = "mwv-000001";

  private static final WireCodec CODEC = new WireCodec();

  public final SimulatedClock clock = new SimulatedClock(START);
  public final HubStore store;
  private final List<IngestListener> listeners = new ArrayList<>();
  private final AtomicLong seq = new AtomicLong();

  private HubFixture() {
    store = JdbcHubStore.open(StoreConfig.h2Memory("telemetry-" + UUID.randomUUID()), clock);
    store
        .owners()
        .create(
            new Owner(
                OWNER, "owner@example.org", "Owner", "x", Set.of(Owner.Role.OWNER), "UTC", START));
    activate(WASHER, "open-washer@1");
    activate(MICROWAVE, "open-microwave@1");
  }

  /** A fresh store with the owner's two appliances, active and never seen. */
  public static HubFixture open() {
    return new HubFixture();
  }

  /** Registers and claims a device. */
  public void activate(String deviceId, String profile) {
    store
        .devices()
        .register(deviceId, "hw-" + deviceId, profile, "claim-" + deviceId, clock.instant());
    store.devices().claim(deviceId, OWNER, "hash", "psk", clock.instant());
  }

  /** Listeners told after each {@link #deliver}, as the gateway does. */
  public HubFixture listen(IngestListener listener) {
    listeners.add(listener);
    return this;
  }

  /** Commits the batch made of {@code rows} and tells the listeners. */
  public IngestBatch deliver(Object... rows) {
    IngestBatch batch = batch(rows);
    store.commit(batch);
    listeners.forEach(l -> l.onCommitted(batch));
    return batch;
  }

  public void advance(Duration d) {
    clock.advance(d);
  }

  public long now() {
    return clock.millis();
  }

  /** A batch of rows of any of {@link IngestBatch}'s row types. */
  public static IngestBatch batch(Object... rows) {
    var telemetry = new ArrayList<TelemetryRow>();
    var events = new ArrayList<EventRow>();
    var states = new ArrayList<StateRow>();
    var statuses = new ArrayList<StatusRow>();
    var results = new ArrayList<IngestBatch.CommandResultRow>();
    for (Object row : rows) {
      if (row instanceof TelemetryRow t) {
        telemetry.add(t);
      } else if (row instanceof EventRow e) {
        events.add(e);
      } else if (row instanceof StateRow s) {
        states.add(s);
      } else if (row instanceof StatusRow s) {
        statuses.add(s);
      } else if (row instanceof IngestBatch.CommandResultRow r) {
        results.add(r);
      } else {
        throw new IllegalArgumentException("not a batch row: " + row);
      }
    }
    return new IngestBatch(telemetry, events, states, statuses, results);
  }

  /** An event now, with a fresh seq. */
  public EventRow event(String deviceId, String type, Event.Severity severity, String message) {
    return event(deviceId, type, severity, message, JsonNodeFactory.instance.objectNode());
  }

  /** An event now, with a fresh seq and {@code data}. */
  public EventRow event(
      String deviceId, String type, Event.Severity severity, String message, ObjectNode data) {
    long s = seq.incrementAndGet();
    var event = new Event(s, now(), type, severity, message, data);
    return new EventRow(
        deviceId, s, now(), type, severity.wireName(), message, json(CODEC.encode(event)));
  }

  /** {@code data} with string fields given as name, value, name, value, ... */
  public static ObjectNode data(String... namesAndValues) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      data.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return data;
  }

  /** A state report now, with a fresh seq. */
  public StateRow state(String deviceId, Phase phase, Door door, String... tripped) {
    long s = seq.incrementAndGet();
    String program = phase == Phase.IDLE ? null : "cotton-40";
    var report =
        new StateReport(
            now(), s, phase, program, null, null, door, Lock.NONE, List.of(tripped), Map.of());
    return new StateRow(deviceId, s, now(), json(CODEC.encode(report)));
  }

  /** A status row now. */
  public StatusRow status(String deviceId, String presence) {
    return new StatusRow(deviceId, presence, now(), "1.0.0", null, null);
  }

  /** A telemetry batch of one sample now. */
  public TelemetryRow telemetry(String deviceId, Map<String, Double> values) {
    return telemetry(deviceId, new Sample(now(), values));
  }

  /** A telemetry batch of the given samples, with a fresh seq. */
  public TelemetryRow telemetry(String deviceId, Sample... samples) {
    return new TelemetryRow(deviceId, seq.incrementAndGet(), now(), 0, List.of(samples));
  }

  /** The device's alerts, newest first; open ones only when {@code openOnly}. */
  public List<Alert> alerts(String deviceId, boolean openOnly) {
    return store.alerts().of(deviceId, openOnly, PageRequest.first(100)).items();
  }

  private static String json(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    store.close();
  }
}
