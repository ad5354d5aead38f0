package dev.hearth.agent.local;

import dev.hearth.agent.runtime.Appliance;
import dev.hearth.agent.runtime.ApplianceObserver;
import dev.hearth.hardware.profile.TelemetryPlan;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.WireCodec;
import dev.hearth.specs.wire.WireException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the LAN may read about the appliance: its latest {@link StateReport} and its latest
 * telemetry sample, each already encoded exactly as on MQTT ({@code telemetry} as a {@link
 * TelemetryBatch} of one sample whose {@code seq} counts samples), and a signal when either
 * changes.
 *
 * <p>Encoding once per change, not once per reader, keeps a busy LAN from costing the agent
 * anything but sends. Listeners run on the thread that reported the change and must return at once,
 * as {@link ApplianceObserver}s must.
 */
public final class LocalFeed implements ApplianceObserver, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalFeed.class);

  private final WireCodec codec = new WireCodec();
  private final Clock clock;
  private final TelemetryPlan plan;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private Appliance.Registration registration;

  private long stateSeq = -1;
  private volatile byte[] state;
  private long sampleSeq;
  private volatile byte[] telemetry;

  /** A feed of the given plan that nothing reports to yet; see {@link #attach}. */
  LocalFeed(TelemetryPlan plan, Clock clock) {
    this.plan = plan;
    this.clock = clock;
    this.telemetry = codec.encode(new TelemetryBatch(0, List.of()));
  }

  /**
   * A feed that follows {@code appliance} from now on, starting from its current state; samples
   * come from {@link #onSample}, e.g. by a {@link ReadingsSampler}.
   */
  public static LocalFeed attach(Appliance appliance, Clock clock) {
    LocalFeed feed = new LocalFeed(appliance.profile().telemetry(), clock);
    feed.registration = appliance.observe(feed);
    // After registering, so no change falls between the snapshot and the first notification;
    // onState keeps whichever report is newer.
    feed.onState(appliance.state());
    return feed;
  }

  /** Told when the encoded state or telemetry changed; must return at once. */
  public interface Listener {
    default void stateChanged() {}

    default void telemetryChanged() {}
  }

  /** Registration of a {@link Listener}; closing it removes the listener. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  public Subscription listen(Listener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** The latest state report, encoded as on {@code state}. */
  public byte[] state() {
    return state;
  }

  /** The latest sample as a one-sample batch, encoded as on {@code telemetry}. */
  public byte[] telemetry() {
    return telemetry;
  }

  /** How often samples arrive, per the profile's telemetry plan. */
  public Duration sampleInterval() {
    return Duration.ofMillis(Math.max(1, Math.round(plan.sampleSeconds() * 1000)));
  }

  /** The channels to sample, per the profile; empty means every channel. */
  public List<String> sampledChannels() {
    return plan.channels();
  }

  @Override
  public void onState(StateReport report) {
    synchronized (this) {
      if (report.seq() < stateSeq) {
        return; // an older report overtaken by a newer one
      }
      byte[] encoded = encode(report);
      if (encoded == null) {
        return;
      }
      stateSeq = report.seq();
      state = encoded;
    }
    listeners.forEach(Listener::stateChanged);
  }

  /**
   * A new sample of the appliance's readings. Values that are not finite numbers (a sensor that has
   * not answered) are left out, as the wire format demands.
   */
  public void onSample(Map<String, Double> readings) {
    Map<String, Double> values = new TreeMap<>();
    readings.forEach(
        (name, value) -> {
          if (value != null && Double.isFinite(value)) {
            values.put(name, value);
          }
        });
    synchronized (this) {
      TelemetryBatch.Sample sample = new TelemetryBatch.Sample(clock.millis(), values);
      byte[] encoded = encode(new TelemetryBatch(sampleSeq + 1, List.of(sample)));
      if (encoded == null) {
        return;
      }
      sampleSeq++;
      telemetry = encoded;
    }
    listeners.forEach(Listener::telemetryChanged);
  }

  private byte[] encode(dev.hearth.specs.wire.WirePayload payload) {
    try {
      return codec.encode(payload);
    } catch (WireException e) {
      // A report the wire refuses is a bug elsewhere; the LAN keeps the last good one.
      LOG.warn("not serving a {} report on the LAN: {}", payload.topicKind(), e.getMessage());
      return null;
    }
  }

  /** Stops following the appliance. */
  @Override
  public void close() {
    if (registration != null) {
      registration.close();
    }
    listeners.clear();
  }
}
