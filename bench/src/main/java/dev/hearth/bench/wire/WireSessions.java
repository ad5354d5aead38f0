package dev.hearth.bench.wire;

import dev.hearth.bench.fleet.DeviceLogin;
import dev.hearth.bench.fleet.FleetConfig;
import dev.hearth.bench.fleet.FleetResult;
import dev.hearth.hardware.profile.ProfileRef;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.LongPredicate;
import org.HdrHistogram.Histogram;

/**
 * Runs device sessions on the wire from one selector thread: opens them at a bounded rate, waits
 * until every one is ready, then {@link #idle holds them} or {@link #telemetry has them publish},
 * and closes them with DISCONNECT.
 */
public final class WireSessions implements AutoCloseable {

  /**
   * Unacknowledged telemetry publishes per device: the agent's ({@code Publisher.MAX_IN_FLIGHT}).
   */
  public static final int WINDOW = 8;

  /** Handshakes under way at once. */
  public static final int MAX_PENDING = 200;

  /**
   * What a device does with a PUBLISH the broker delivered to it (already acknowledged). Runs on
   * the selector thread: hand any real work to another thread.
   */
  public interface Delivery {
    /**
     * @param device the device's index in the logins the sessions were made from
     */
    void received(int device, String topic, byte[] payload);
  }

  private final List<WireConnection> all = new ArrayList<>();
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final WirePayloads payloads;
  private final WireMeter meter = new WireMeter();
  private final PrintStream progress;
  private final Selector selector;
  private long lastReport;

  public WireSessions(
      List<DeviceLogin> logins,
      ProfileRef profile,
      Duration keepAlive,
      Duration sessionExpiry,
      PrintStream progress)
      throws IOException {
    this.payloads = new WirePayloads(profile, keepAlive, sessionExpiry);
    this.progress = progress;
    this.selector = Selector.open();
    logins.forEach(l -> all.add(new WireConnection(l, payloads, meter)));
  }

  /**
   * Opens every session at {@code connectRate} a second and waits until each is ready or failed.
   *
   * @return seconds from the first connect until the last session settled
   */
  public double connectAll(int connectRate, Duration patience) throws IOException {
    long begin = System.nanoTime();
    long deadline = begin + patience.toNanos();
    int[] opened = {0};
    loop(
        100,
        now -> {
          long allowed = Math.min(all.size(), (long) ((now - begin) / 1e9 * connectRate) + 1);
          int pending = 0;
          for (int i = 0; i < opened[0]; i++) {
            pending += all.get(i).settled() ? 0 : 1;
          }
          while (opened[0] < allowed && pending < MAX_PENDING) {
            open(all.get(opened[0]++), now);
            pending++;
          }
          int settled = count(WireConnection.Stage.READY) + count(WireConnection.Stage.FAILED);
          report(now, "%d opened, %d ready", opened[0], count(WireConnection.Stage.READY));
          if (settled == all.size()) {
            return false;
          }
          if (now > deadline) {
            progress.printf(
                Locale.ROOT,
                "wire: gave up after %d s: %d of %d ready%n",
                patience.toSeconds(),
                count(WireConnection.Stage.READY),
                all.size());
            return false;
          }
          return true;
        });
    double seconds = (System.nanoTime() - begin) / 1e9;
    progress.printf(
        Locale.ROOT,
        "wire: %d sessions ready, %d failed, in %.1f s%n",
        count(WireConnection.Stage.READY),
        all.size() - count(WireConnection.Stage.READY),
        seconds);
    return seconds;
  }

  /**
   * Keeps every ready session up (pings only) for {@code config.hold()}, writing its ready file
   * first.
   */
  public IdleResult idle(IdleConfig config, String target) throws IOException {
    double seconds = connectAll(config.connectRate(), config.connectPatience());
    int ready = count(WireConnection.Stage.READY);
    if (config.readyFile() != null) {
      Files.writeString(config.readyFile(), ready + "\n", StandardCharsets.UTF_8);
    }
    long end = System.nanoTime() + config.hold().toNanos();
    loop(100, now -> now < end);
    Histogram handshakes = new Histogram(WireMeter.HIGHEST_MICROS, 3);
    for (WireConnection c : all) {
      if (c.stage() == WireConnection.Stage.READY) {
        handshakes.recordValue(Math.min(WireMeter.HIGHEST_MICROS, c.handshakeNanos() / 1000));
      }
    }
    int stillReady = count(WireConnection.Stage.READY);
    return new IdleResult(
        target,
        all.size(),
        stillReady,
        all.size() - stillReady,
        firstFailure(),
        seconds,
        handshakes);
  }

  /**
   * Has every ready session publish telemetry at {@code config.ratePerDevice()} with at most {@link
   * #WINDOW} unacknowledged each, warms up, and measures.
   */
  public FleetResult telemetry(FleetConfig config, String target) throws IOException {
    connectAll(config.connectRate(), config.connectPatience());
    long interval = (long) (1e9 / config.ratePerDevice());
    long start = System.nanoTime();
    for (int i = 0; i < all.size(); i++) {
      // Spread the devices over one interval, as devices started at different times would be.
      all.get(i).publishEvery(interval, WINDOW, start + interval * i / all.size());
    }
    long warmEnd = start + config.warmup().toNanos();
    loop(1, now -> publish(now) && now < warmEnd);
    meter.reset();
    long owedBefore = owed(System.nanoTime());
    long windowStart = System.currentTimeMillis();
    long measureStart = System.nanoTime();
    long end = measureStart + config.duration().toNanos();
    loop(1, now -> publish(now) && now < end);
    long measureEnd = System.nanoTime();
    double seconds = (measureEnd - measureStart) / 1e9;
    long backlog = owed(measureEnd);
    int ready = count(WireConnection.Stage.READY);
    return new FleetResult(
        target + " (wire driver)",
        all.size(),
        ready,
        config.offeredRate(),
        meter.sentCount() / seconds,
        meter.acknowledgedCount() / seconds,
        seconds,
        meter.latency(),
        meter.refusedCount(),
        all.size() - ready,
        0,
        Math.max(0, backlog - owedBefore),
        payloads.telemetryPayload(123_456).length,
        windowStart,
        System.currentTimeMillis());
  }

  /** Hands every PUBLISH delivered to a device to {@code delivery}; call before connecting. */
  public void onDelivery(Delivery delivery) {
    for (int i = 0; i < all.size(); i++) {
      int device = i;
      all.get(i).onPublish((topic, payload) -> delivery.received(device, topic, payload));
    }
  }

  /**
   * Has device {@code device} (its index in the logins) publish at QoS 1, from any thread: sent by
   * the selector thread while {@link #serve} runs. {@code acknowledged} gets the PUBACK's reason
   * code on the selector thread, or -1 at once when the session is not up.
   */
  public void publish(
      int device, String topic, byte[] payload, boolean retained, IntConsumer acknowledged) {
    tasks.add(
        () -> {
          WireConnection c = all.get(device);
          try {
            if (!c.publish(topic, payload, retained, acknowledged, System.nanoTime())) {
              acknowledged.accept(-1);
            }
          } catch (IOException e) {
            c.fail(e.toString());
            acknowledged.accept(-1);
          }
        });
    selector.wakeup();
  }

  /**
   * Keeps the sessions up (pings) and sends what {@link #publish} hands in, until {@code keepGoing}
   * turns false (asked at least every 50 ms).
   */
  public void serve(BooleanSupplier keepGoing) throws IOException {
    loop(
        50,
        now -> {
          Runnable task;
          while ((task = tasks.poll()) != null) {
            task.run();
          }
          if (now - lastReport >= 1_000_000_000L) {
            report(now, "%d ready", count(WireConnection.Stage.READY));
          }
          return keepGoing.getAsBoolean();
        });
  }

  /** Sessions up now. */
  public int readyCount() {
    return count(WireConnection.Stage.READY);
  }

  private boolean publish(long now) {
    for (WireConnection c : all) {
      try {
        c.publishDue(now);
      } catch (IOException e) {
        c.fail(e.toString());
      }
    }
    report(
        now,
        "%d ready, %d sent, %d acked",
        count(WireConnection.Stage.READY),
        meter.sentCount(),
        meter.acknowledgedCount());
    return true;
  }

  private long owed(long now) {
    long n = 0;
    for (WireConnection c : all) {
      n += c.owed(now);
    }
    return n;
  }

  /** Runs the selector until {@code step} returns false; {@code step} runs every tick. */
  private void loop(long tickMillis, LongPredicate step) throws IOException {
    long keepAlive = payloads.keepAlive().toNanos();
    while (true) {
      selector.select(tickMillis);
      long now = System.nanoTime();
      for (SelectionKey key : selector.selectedKeys()) {
        WireConnection c = (WireConnection) key.attachment();
        try {
          if (key.isValid() && key.isConnectable()) {
            c.connected(now);
          }
          if (key.isValid() && key.isReadable()) {
            c.readable(now);
          }
          if (key.isValid() && key.isWritable()) {
            c.writable();
          }
        } catch (IOException | RuntimeException e) {
          c.fail(e.toString());
        }
      }
      selector.selectedKeys().clear();
      for (WireConnection c : all) {
        try {
          c.keepAlive(now, keepAlive);
        } catch (IOException e) {
          c.fail(e.toString());
        }
      }
      if (!step.test(now)) {
        return;
      }
    }
  }

  private void open(WireConnection c, long now) {
    try {
      SocketChannel channel = SocketChannel.open();
      channel.configureBlocking(false);
      var broker = c.login().broker();
      int port = broker.getPort() < 0 ? 1883 : broker.getPort();
      boolean done = channel.connect(new InetSocketAddress(broker.getHost(), port));
      SelectionKey key =
          channel.register(selector, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
      c.attach(channel, key, now);
      if (done) {
        c.connected(now);
      }
    } catch (IOException e) {
      c.fail("cannot open a connection: " + e);
    }
  }

  private void report(long now, String format, Object... args) {
    if (now - lastReport >= 1_000_000_000L) {
      lastReport = now;
      progress.printf(Locale.ROOT, "wire: " + format + "%n", args);
    }
  }

  private int count(WireConnection.Stage stage) {
    int n = 0;
    for (WireConnection c : all) {
      if (c.stage() == stage) {
        n++;
      }
    }
    return n;
  }

  private String firstFailure() {
    return all.stream()
        .filter(c -> c.failure() != null)
        .map(c -> c.login().device() + ": " + c.failure())
        .findFirst()
        .orElse(null);
  }

  /** Closes every session with DISCONNECT. */
  @Override
  public void close() throws IOException {
    all.forEach(WireConnection::disconnect);
    selector.close();
  }
}
