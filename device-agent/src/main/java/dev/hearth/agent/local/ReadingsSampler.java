package dev.hearth.agent.local;

import dev.hearth.agent.runtime.Appliance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the appliance's readings at the profile's sample interval and hands each sample to a
 * {@link LocalFeed}. Where the link to the hub already samples, the composition root may feed
 * {@link LocalFeed#onSample} from there instead and not start one of these.
 */
public final class ReadingsSampler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReadingsSampler.class);

  private final Appliance appliance;
  private final LocalFeed feed;
  private final ScheduledExecutorService timer;

  private ReadingsSampler(Appliance appliance, LocalFeed feed, ScheduledExecutorService timer) {
    this.appliance = appliance;
    this.feed = feed;
    this.timer = timer;
  }

  /** Starts sampling on a daemon thread of its own; the first sample is taken at once. */
  public static ReadingsSampler start(Appliance appliance, LocalFeed feed) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hearth-local-sampler");
              t.setDaemon(true);
              return t;
            });
    ReadingsSampler sampler = new ReadingsSampler(appliance, feed, timer);
    long period = feed.sampleInterval().toMillis();
    timer.scheduleAtFixedRate(sampler::sampleNow, 0, period, TimeUnit.MILLISECONDS);
    return sampler;
  }

  /** Takes one sample now. */
  public void sampleNow() {
    try {
      feed.onSample(select(appliance.readings(), feed.sampledChannels()));
    } catch (RuntimeException e) {
      // A failing read must not end the schedule: the next tick tries again.
      LOG.warn("sampling the readings for the LAN failed: {}", e.toString());
    }
  }

  private static Map<String, Double> select(Map<String, Double> readings, List<String> channels) {
    if (channels.isEmpty()) {
      return readings;
    }
    Map<String, Double> selected = new LinkedHashMap<>();
    channels.forEach(
        c -> {
          Double v = readings.get(c);
          if (v != null) {
            selected.put(c, v);
          }
        });
    return selected;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
