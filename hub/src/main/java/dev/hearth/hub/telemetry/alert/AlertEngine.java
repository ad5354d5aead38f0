package dev.hearth.hub.telemetry.alert;

import dev.hearth.hub.gateway.IngestListener;
import dev.hearth.hub.live.LiveUpdates;
import dev.hearth.hub.store.Alerts;
import dev.hearth.hub.store.Alerts.Alert;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Devices;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.WireCodec;
import dev.hearth.specs.wire.WirePayload;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the alert rules over every committed batch and, via {@link #sweep()}, over the active
 * devices, and turns their decisions into alerts: {@link Alerts#open} when a rule raises and none
 * of its alerts is open for the device, {@link Alerts#clear} when a rule clears an open one. Each
 * alert that is opened or cleared here is pushed live.
 *
 * <p>Blocking (it reads and writes the store): register it with the gateway behind a {@link
 * dev.hearth.hub.telemetry.QueuedIngestListener}, and run {@link #sweep()} on a scheduler thread.
 * Batches and sweeps are processed one at a time.
 *
 * <p>Safe on several hub instances: the store keeps one open alert per device and rule however many
 * instances raise it, and this engine pushes an alert only when its own {@link Alerts#open} created
 * it or its own {@link Alerts#clear} cleared it, so every change is pushed once. Each instance
 * evaluates the messages it received; when a shared subscription splits one device's messages
 * across instances, the order between them is only as good as their arrival.
 */
public final class AlertEngine implements IngestListener {

  private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);
  private static final WireCodec CODEC = new WireCodec();
  private static final int PAGE = PageRequest.MAX_LIMIT;

  private final Devices devices;
  private final Alerts alerts;
  private final AlertPublisher publisher;
  private final List<AlertRule> rules;
  private final Clock clock;
  private final TripAlarms tripAlarms;
  private final Map<String, Judged> judged = new HashMap<>();

  /**
   * An engine over {@code rules}, e.g. {@link AlertRules#defaults}.
   *
   * @param live where alert changes are pushed
   */
  public AlertEngine(HubStore store, LiveUpdates live, List<AlertRule> rules, Clock clock) {
    this.devices = store.devices();
    this.alerts = store.alerts();
    this.publisher = new AlertPublisher(Objects.requireNonNull(live, "live"));
    this.rules = List.copyOf(rules);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tripAlarms = new TripAlarms(devices);
  }

  @Override
  public synchronized void onCommitted(IngestBatch batch) {
    Instant now = clock.instant();
    observations(batch)
        .forEach(
            (deviceId, observed) -> {
              try {
                RuleContext ctx = context(deviceId, now);
                List<Decided> decided = new ArrayList<>();
                for (Observation o : observed) {
                  for (AlertRule rule : rules) {
                    ask(rule, deviceId, () -> o.ask().apply(rule, ctx)).ifPresent(decided::add);
                  }
                }
                apply(deviceId, decided);
              } catch (RuntimeException e) {
                log.warn("alerts for {} not evaluated for this batch", deviceId, e);
              }
            });
  }

  /**
   * Asks every rule about every active device (silence, a door still open).
   *
   * @return how many devices were looked at
   */
  public synchronized int sweep() {
    Instant now = clock.instant();
    int checked = 0;
    String cursor = null;
    do {
      Page<Device> page = devices.active(new PageRequest(cursor, PAGE));
      for (Device device : page.items()) {
        try {
          RuleContext ctx = context(device.id(), now);
          List<Decided> decided = new ArrayList<>();
          for (AlertRule rule : rules) {
            ask(rule, device.id(), () -> rule.onSweep(ctx, device)).ifPresent(decided::add);
          }
          apply(device.id(), decided);
        } catch (RuntimeException e) {
          log.warn("alert sweep skipped {}", device.id(), e);
        }
        checked++;
      }
      cursor = page.next();
    } while (cursor != null);
    return checked;
  }

  private RuleContext context(String deviceId, Instant now) {
    return new RuleContext(deviceId, now, trip -> tripAlarms.alarmOf(deviceId, trip));
  }

  private static Optional<Decided> ask(
      AlertRule rule, String deviceId, Supplier<Optional<AlertDecision>> call) {
    try {
      return call.get().map(d -> new Decided(rule.id(), d));
    } catch (RuntimeException e) {
      // One faulty rule must not keep the others from raising a leak.
      log.warn("alert rule {} failed for {}", rule.id(), deviceId, e);
      return Optional.empty();
    }
  }

  /** Applies decisions in order, touching the store only where they change something. */
  private void apply(String deviceId, List<Decided> decided) {
    if (decided.isEmpty()) {
      return;
    }
    Map<String, Alert> open = openAlerts(deviceId);
    for (Decided d : decided) {
      AlertDecision decision = d.decision();
      Alert current = open.get(d.rule());
      if (decision.change() == AlertDecision.Change.RAISE && current == null) {
        Alert proposed =
            new Alert(
                UUID.randomUUID().toString(),
                deviceId,
                d.rule(),
                decision.severity().wireName(),
                decision.message(),
                decision.at(),
                null);
        Alert stored = alerts.open(proposed);
        open.put(d.rule(), stored);
        if (stored.id().equals(proposed.id())) {
          publisher.raised(stored);
        }
      } else if (decision.change() == AlertDecision.Change.CLEAR && current != null) {
        // A condition cannot end before it began, whatever a replayed message's clock says.
        Instant at =
            decision.at().isBefore(current.raisedAt()) ? current.raisedAt() : decision.at();
        alerts.clear(deviceId, d.rule(), at).ifPresent(publisher::cleared);
        open.remove(d.rule());
      }
    }
  }

  private Map<String, Alert> openAlerts(String deviceId) {
    Map<String, Alert> open = new HashMap<>();
    for (Alert a : alerts.of(deviceId, true, PageRequest.first(PAGE)).items()) {
      open.put(a.rule(), a);
    }
    return open;
  }

  /**
   * Each device's messages in time order (status, then state, then events at the same instant),
   * leaving out what this engine has judged already: a redelivered message (QoS1 after a lost
   * acknowledgement) or a state report older than one judged before would otherwise re-decide on
   * stale facts, e.g. clear a leak an event just raised.
   */
  private Map<String, List<Observation>> observations(IngestBatch batch) {
    Map<String, List<Observation>> byDevice = new LinkedHashMap<>();
    for (IngestBatch.StatusRow s : batch.statuses()) {
      add(byDevice, s.deviceId(), new Observation(s.ts(), 0, 0, (r, c) -> r.onStatus(c, s)));
    }
    for (IngestBatch.TelemetryRow t : batch.telemetry()) {
      long ts = t.samples().isEmpty() ? t.receivedAt() : t.samples().get(0).ts();
      add(byDevice, t.deviceId(), new Observation(ts, 1, t.seq(), (r, c) -> r.onTelemetry(c, t)));
    }
    List<IngestBatch.StateRow> states = new ArrayList<>(batch.states());
    states.sort(
        Comparator.comparingLong(IngestBatch.StateRow::ts)
            .thenComparingLong(IngestBatch.StateRow::seq));
    for (IngestBatch.StateRow s : states) {
      if (!judged(s.deviceId()).newState(s.ts(), s.seq())) {
        continue;
      }
      decode(StateReport.class, s.json(), s.deviceId())
          .ifPresent(
              report ->
                  add(
                      byDevice,
                      s.deviceId(),
                      new Observation(s.ts(), 2, s.seq(), (r, c) -> r.onState(c, report))));
    }
    List<IngestBatch.EventRow> events = new ArrayList<>(batch.events());
    events.sort(Comparator.comparingLong(IngestBatch.EventRow::seq));
    for (IngestBatch.EventRow e : events) {
      if (!judged(e.deviceId()).newEvent(e.seq())) {
        continue;
      }
      decode(Event.class, e.json(), e.deviceId())
          .ifPresent(
              event ->
                  add(
                      byDevice,
                      e.deviceId(),
                      new Observation(e.ts(), 3, e.seq(), (r, c) -> r.onEvent(c, event))));
    }
    byDevice.values().forEach(list -> list.sort(Observation.ORDER));
    return byDevice;
  }

  private Judged judged(String deviceId) {
    return judged.computeIfAbsent(deviceId, id -> new Judged());
  }

  private static void add(Map<String, List<Observation>> byDevice, String id, Observation o) {
    byDevice.computeIfAbsent(id, k -> new ArrayList<>()).add(o);
  }

  private static <T extends WirePayload> Optional<T> decode(
      Class<T> type, String json, String deviceId) {
    var decoded = CODEC.decode(type, json.getBytes(StandardCharsets.UTF_8));
    decoded
        .rejection()
        .ifPresent(
            error ->
                // The gateway stores only payloads this codec accepted; this is a bug, not input.
                log.warn(
                    "stored {} of {} does not decode: {}", type.getSimpleName(), deviceId, error));
    return decoded.payload();
  }

  private record Observation(
      long ts,
      int kind,
      long seq,
      BiFunction<AlertRule, RuleContext, Optional<AlertDecision>> ask) {
    static final Comparator<Observation> ORDER =
        Comparator.comparingLong(Observation::ts)
            .thenComparingInt(Observation::kind)
            .thenComparingLong(Observation::seq);
  }

  private record Decided(String rule, AlertDecision decision) {}

  /**
   * The newest messages of a device this engine has judged. Events go by {@code seq}, which the
   * agent keeps across restarts; state reports by time, then {@code seq}, because their counter may
   * restart with the agent.
   */
  private static final class Judged {
    private long eventSeq = -1;
    private long stateTs = Long.MIN_VALUE;
    private long stateSeq = -1;

    boolean newEvent(long seq) {
      if (seq <= eventSeq) {
        return false;
      }
      eventSeq = seq;
      return true;
    }

    boolean newState(long ts, long seq) {
      if (ts < stateTs || ts == stateTs && seq <= stateSeq) {
        return false;
      }
      stateTs = ts;
      stateSeq = seq;
      return true;
    }
  }
}
