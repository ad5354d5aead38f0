package dev.hearth.bench.rollout;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.agent.update.UpdateState;
import dev.hearth.bench.fleet.DeviceLogin;
import dev.hearth.bench.wire.WireSessions;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.Sha256;
import dev.hearth.specs.trust.DeviceState;
import dev.hearth.specs.trust.TrustVerifier;
import dev.hearth.specs.trust.Verification;
import dev.hearth.specs.wire.Decoded;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.EventType;
import dev.hearth.specs.wire.Status;
import dev.hearth.specs.wire.Topic;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.UpdateOffer;
import dev.hearth.specs.wire.WireCodec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;
import org.semver4j.Semver;

/**
 * Devices that take update offers as the agent's update engine reports them (SPEC 5.3, 5.4), on
 * wire-driver sessions: each offer on a device's {@code update} topic is decoded with the wire
 * codec; the device reports {@code offered}, checks the manifest with the trust verifier against
 * the root it pinned at enrollment, reports {@code downloading} (at 0, then at every step of the
 * size or interval, as the agent's throttle does), downloads the artifact over HTTP from the
 * offer's first URL and hashes it on the way, reports {@code verifying} and fails the offer on a
 * size or SHA-256 mismatch, then {@code installing}, {@code rebooting}, publishes its retained
 * online status with the new agent version (an agent release restarts the agent), and reports
 * {@code health-check} and {@code committed}.
 *
 * <p>What is simulated: nothing is written to disk (no slots, no journal; the bytes are hashed and
 * counted), and the trust verifier runs once per distinct manifest and agent version rather than
 * once per device (every device of a rollout gets the same manifest; its result would be the same).
 * Events go out with at most the agent's window of 8 unacknowledged publishes per device, in order.
 * Downloads run on a bounded pool of threads sharing one HTTP client.
 */
final class UpdatingDevices implements WireSessions.Delivery, AutoCloseable {

  /** Unacknowledged publishes per device: the agent's publisher window. */
  static final int WINDOW = 8;

  private static final long HIGHEST_MILLIS = TimeUnit.HOURS.toMillis(2);
  private static final int CHUNK = 64 * 1024;

  private final WireSessions sessions;
  private final List<DeviceLogin> logins;
  private final Device[] devices;
  private final ProfileRef profile;
  private final byte[] pinnedRoot;
  private final double progressStep;
  private final long progressIntervalNanos;
  private final WireCodec codec = new WireCodec();
  private final TrustVerifier verifier;
  private final Clock clock;
  private final HttpClient http;
  private final ExecutorService workers;
  private final Map<String, Verification> verified = new ConcurrentHashMap<>();

  private volatile long startNanos;
  private final Histogram offered = new Histogram(HIGHEST_MILLIS, 3);
  private final Histogram committed = new Histogram(HIGHEST_MILLIS, 3);
  private final Histogram offerToCommit = new Histogram(HIGHEST_MILLIS, 3);
  private final AtomicInteger committedCount = new AtomicInteger();
  private final AtomicInteger failedCount = new AtomicInteger();
  private final AtomicInteger mismatches = new AtomicInteger();
  private final AtomicInteger repeatedOffers = new AtomicInteger();
  private final AtomicInteger badPayloads = new AtomicInteger();
  private final AtomicInteger lostPublishes = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong firstDownloadNanos = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastDownloadNanos = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong lastCommitNanos = new AtomicLong(Long.MIN_VALUE);
  private volatile String firstFailure;

  /**
   * @param logins the sessions' devices, in the sessions' order
   * @param pinnedRoot the root envelope the devices pinned at enrollment
   * @param agentVersion the version the devices' agents report before the update
   * @param seqBase event numbers start above this (devices keep their counter across runs; here it
   *     is the run's start time, so a later run against the same hub continues upwards)
   * @param downloaders threads taking offers through, so downloads at once at most
   * @param progressStep report download progress at every step of the size (the agent: 0.1)
   * @param progressInterval or when this long passed (the agent: 2 s)
   */
  UpdatingDevices(
      WireSessions sessions,
      List<DeviceLogin> logins,
      ProfileRef profile,
      byte[] pinnedRoot,
      String agentVersion,
      long seqBase,
      int downloaders,
      double progressStep,
      Duration progressInterval,
      Clock clock) {
    this.sessions = sessions;
    this.logins = List.copyOf(logins);
    this.profile = profile;
    this.pinnedRoot = pinnedRoot.clone();
    this.progressStep = progressStep;
    this.progressIntervalNanos = progressInterval.toNanos();
    this.clock = clock;
    this.verifier = new TrustVerifier(clock);
    this.devices = new Device[logins.size()];
    for (int i = 0; i < devices.length; i++) {
      devices[i] = new Device(i, seqBase, agentVersion);
    }
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            downloaders,
            r -> {
              Thread t = new Thread(r, "b3-device-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Times from now on count from {@code nanos} (the rollout's creation). */
  void startClock(long nanos) {
    this.startNanos = nanos;
  }

  @Override
  public void received(int device, String topic, byte[] payload) {
    if (topic.endsWith("/" + TopicKind.UPDATE.suffix())) {
      long at = System.nanoTime();
      workers.execute(() -> take(devices[device], payload, at));
    }
  }

  // ---- one offer, as the update engine reports it ----

  private void take(Device d, byte[] payload, long receivedNanos) {
    Decoded<UpdateOffer> decoded = codec.decode(UpdateOffer.class, payload);
    if (decoded instanceof Decoded.Rejected<UpdateOffer> rejected) {
      badPayloads.incrementAndGet();
      d.send(
          events(d),
          codec.encode(Event.payloadError(d.seq(), now(), TopicKind.UPDATE, rejected.error())),
          null);
      return;
    }
    UpdateOffer offer = ((Decoded.Ok<UpdateOffer>) decoded).value();
    if (!d.firstTime(offer.offerId())) {
      repeatedOffers.incrementAndGet(); // the same offer again: the engine does not start it twice
      return;
    }
    record(offered, receivedNanos);
    Progress p =
        new Progress(
            offer.offerId(),
            offer.rolloutId(),
            UpdateState.OFFERED,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    d.report(p);
    if (offer.isExpiredAt(clock.millis())) {
      fail(d, p, "OFFER_EXPIRED", "the offer expired");
      return;
    }
    Verification verification = verify(offer, d.agentVersion);
    if (!verification.isAccepted()) {
      fail(d, p, verification.reason().name(), verification.verdict().detail());
      return;
    }
    Manifest manifest = verification.manifest().orElseThrow();
    p =
        p.describing(
            manifest.name(),
            manifest.kind().jsonName(),
            manifest.version().toString(),
            d.agentVersion);
    String problem = download(d, p, offer.artifactUrls().get(0), manifest);
    if (problem != null) {
      return;
    }
    d.report(p.to(UpdateState.INSTALLING));
    d.report(p.to(UpdateState.REBOOTING));
    d.agentVersion = manifest.version().toString();
    d.send(
        new Topic(logins.get(d.index).device(), TopicKind.STATUS).name(),
        codec.encode(new Status(Status.Presence.ONLINE, d.agentVersion, null, profile, now())),
        null,
        true);
    d.report(p.to(UpdateState.HEALTH_CHECK));
    d.send(
        events(d),
        event(d, p.to(UpdateState.COMMITTED)),
        reason -> {
          if (reason >= 0 && reason < 0x80) {
            long at = System.nanoTime();
            committedCount.incrementAndGet();
            record(committed, at);
            offerToCommit.recordValue(Math.min(HIGHEST_MILLIS, (at - receivedNanos) / 1_000_000));
            lastCommitNanos.accumulateAndGet(at, Math::max);
          } else {
            failure(d, "the hub refused the committed event (reason " + reason + ")");
          }
        });
  }

  /** Downloads, hashing on the way; returns null when the artifact verified, else why not. */
  private String download(Device d, Progress p, URI url, Manifest manifest) {
    long size = manifest.artifact().size();
    d.report(p.downloading(0));
    long begin = System.nanoTime();
    firstDownloadNanos.accumulateAndGet(begin, Math::min);
    MessageDigest sha256 = Sha256.digest();
    long got = 0;
    try {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          fail(d, p, "DOWNLOAD_FAILED", "HTTP " + response.statusCode() + " from " + url);
          return "http";
        }
        byte[] chunk = new byte[CHUNK];
        double nextFraction = progressStep;
        long nextNanos = begin + progressIntervalNanos;
        int n;
        while ((n = in.read(chunk)) != -1) {
          got += n;
          if (got > size) {
            break;
          }
          sha256.update(chunk, 0, n);
          double fraction = size == 0 ? 1 : (double) got / size;
          long now = System.nanoTime();
          if (fraction < 1 && (fraction + 1e-9 >= nextFraction || now >= nextNanos)) {
            d.report(p.downloading(fraction));
            nextFraction = (Math.floor(fraction / progressStep + 1e-9) + 1) * progressStep;
            nextNanos = now + progressIntervalNanos;
          }
        }
      }
    } catch (IOException e) {
      fail(d, p, "DOWNLOAD_FAILED", "downloading " + url + ": " + e);
      return "io";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } finally {
      bytes.addAndGet(got);
      lastDownloadNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }
    if (got == size) {
      d.report(p.downloading(1));
    }
    d.report(p.to(UpdateState.VERIFYING));
    if (got != size) {
      mismatches.incrementAndGet();
      fail(d, p, "SIZE_MISMATCH", "artifact is " + got + "+ bytes; the manifest says " + size);
      return "size";
    }
    String hash = Sha256.hex(sha256);
    if (!hash.equals(manifest.artifact().sha256())) {
      mismatches.incrementAndGet();
      fail(d, p, "HASH_MISMATCH", "artifact SHA-256 is " + hash);
      return "hash";
    }
    return null;
  }

  private Verification verify(UpdateOffer offer, String agentVersion) {
    String document = offer.manifest().toString();
    return verified.computeIfAbsent(
        agentVersion + "\n" + document,
        k ->
            verifier.verify(
                pinnedRoot,
                List.of(),
                document.getBytes(StandardCharsets.UTF_8),
                DeviceState.fresh(profile, new Semver(agentVersion))));
  }

  private void fail(Device d, Progress p, String reason, String detail) {
    failedCount.incrementAndGet();
    failure(d, reason + ": " + detail);
    d.report(p.ended(UpdateState.FAILED, reason, detail));
  }

  private void failure(Device d, String why) {
    if (firstFailure == null) {
      firstFailure = logins.get(d.index).device() + ": " + why;
    }
  }

  private synchronized void record(Histogram h, long atNanos) {
    h.recordValue(Math.max(0, Math.min(HIGHEST_MILLIS, (atNanos - startNanos) / 1_000_000)));
  }

  private String events(Device d) {
    return new Topic(logins.get(d.index).device(), TopicKind.EVENTS).name();
  }

  private byte[] event(Device d, Progress p) {
    boolean bad = p.state == UpdateState.FAILED || p.state == UpdateState.ROLLED_BACK;
    return codec.encode(
        new Event(
            d.seq(),
            now(),
            EventType.UPDATE_PROGRESS,
            bad ? Event.Severity.WARNING : Event.Severity.INFO,
            p.message(),
            p.data()));
  }

  private long now() {
    return clock.millis();
  }

  // ---- what the run saw ----

  int committedCount() {
    return committedCount.get();
  }

  int failedCount() {
    return failedCount.get();
  }

  int mismatches() {
    return mismatches.get();
  }

  int repeatedOffers() {
    return repeatedOffers.get();
  }

  int badPayloads() {
    return badPayloads.get();
  }

  int lostPublishes() {
    return lostPublishes.get();
  }

  long bytes() {
    return bytes.get();
  }

  String firstFailure() {
    return firstFailure;
  }

  /** Seconds from the first download's start to the last one's end; 0 when none ran. */
  double downloadSeconds() {
    long first = firstDownloadNanos.get();
    long last = lastDownloadNanos.get();
    return first == Long.MAX_VALUE || last < first ? 0 : (last - first) / 1e9;
  }

  /** Seconds from the clock's start to the last committed event the hub acknowledged. */
  double lastCommitSeconds() {
    long last = lastCommitNanos.get();
    return last == Long.MIN_VALUE ? Double.NaN : (last - startNanos) / 1e9;
  }

  synchronized Histogram offeredMillis() {
    return offered.copy();
  }

  synchronized Histogram committedMillis() {
    return committed.copy();
  }

  synchronized Histogram offerToCommitMillis() {
    return offerToCommit.copy();
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  // ---- one device ----

  /** A device's event counter, offers seen, agent version, and its outbox of QoS 1 publishes. */
  private final class Device {
    final int index;
    final AtomicLong seq;
    final Set<String> offers = new HashSet<>();
    volatile String agentVersion;
    private final ArrayDeque<Runnable> outbox = new ArrayDeque<>();
    private int inFlight;

    Device(int index, long seqBase, String agentVersion) {
      this.index = index;
      this.seq = new AtomicLong(seqBase);
      this.agentVersion = agentVersion;
    }

    long seq() {
      return seq.incrementAndGet();
    }

    synchronized boolean firstTime(String offerId) {
      return offers.add(offerId);
    }

    void report(Progress p) {
      send(events(this), event(this, p), null);
    }

    void send(String topic, byte[] payload, IntConsumer acknowledged) {
      send(topic, payload, acknowledged, false);
    }

    /** Queues a publish; at most {@link #WINDOW} are unacknowledged, sent in order. */
    synchronized void send(
        String topic, byte[] payload, IntConsumer acknowledged, boolean retained) {
      outbox.add(
          () ->
              sessions.publish(
                  index,
                  topic,
                  payload,
                  retained,
                  reason -> {
                    if (reason < 0) {
                      lostPublishes.incrementAndGet();
                      failure(this, "a publish was lost: the session is down");
                    }
                    if (acknowledged != null) {
                      acknowledged.accept(reason);
                    }
                    sent();
                  }));
      pump();
    }

    private synchronized void sent() {
      inFlight--;
      pump();
    }

    private void pump() {
      while (inFlight < WINDOW && !outbox.isEmpty()) {
        inFlight++;
        outbox.poll().run();
      }
    }
  }

  // ---- the data of an update-progress event ----

  /** Where an offer stands: what the agent's {@code UpdateProgress} carries (SPEC 5.3). */
  private record Progress(
      String offerId,
      String rolloutId,
      UpdateState state,
      String name,
      String kind,
      String version,
      String from,
      Double progress,
      String reason,
      String detail) {

    Progress describing(String name, String kind, String version, String from) {
      return new Progress(offerId, rolloutId, state, name, kind, version, from, null, null, null);
    }

    Progress to(UpdateState next) {
      return new Progress(offerId, rolloutId, next, name, kind, version, from, null, null, null);
    }

    Progress downloading(double fraction) {
      double rounded = Math.round(Math.max(0, Math.min(1, fraction)) * 1000) / 1000.0;
      return new Progress(
          offerId,
          rolloutId,
          UpdateState.DOWNLOADING,
          name,
          kind,
          version,
          from,
          rounded,
          null,
          null);
    }

    Progress ended(UpdateState ending, String why, String text) {
      return new Progress(offerId, rolloutId, ending, name, kind, version, from, null, why, text);
    }

    /** The agent's event message, e.g. {@code hearth-agent 1.0.5: downloading, 40 %}. */
    String message() {
      StringBuilder m =
          new StringBuilder(name == null ? "offer " + offerId : name + " " + version)
              .append(": ")
              .append(state.wireName());
      if (progress != null) {
        m.append(", ").append(Math.round(progress * 100)).append(" %");
      }
      if (reason != null) {
        m.append(": ").append(reason);
      }
      String text = m.toString();
      return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    /** The event's data, fields in the order of SPEC 5.3. */
    ObjectNode data() {
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.put("offerId", offerId);
      data.put("rolloutId", rolloutId);
      data.put("state", state.wireName());
      data.put("name", name);
      data.put("kind", kind);
      data.put("version", version);
      data.put("from", from);
      if (progress != null) {
        data.put("progress", progress);
      }
      data.put("reason", reason);
      data.put(
          "detail", detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
      return data;
    }
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%d devices, %d committed, %d failed",
        devices.length,
        committedCount(),
        failedCount());
  }
}
