package dev.hearth.hub.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server-sent-events stream (text/event-stream) following a set of devices: each live update
 * becomes {@code event: <kind>} and {@code data: <json>}; a comment line every heartbeat keeps
 * proxies from closing an idle stream. When the client goes away, or {@link #close()} is called,
 * every event bus consumer and timer is released.
 *
 * <p>Who may follow which device is decided by whoever opens the stream. Runs on the event loop of
 * the request; when the client reads too slowly, updates are dropped rather than buffered without
 * bound (the dashboard re-reads state when it reconnects).
 */
public final class LiveStream {

  private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);
  private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,31}");
  private static final Pattern DEVICE_ID = Pattern.compile("\"deviceId\":\"([a-z0-9-]{1,64})\"");
  private static final long RECONNECT_MILLIS = 5_000;

  private final Vertx vertx;
  private final HttpServerResponse response;
  private final Map<String, MessageConsumer<String>> devices = new LinkedHashMap<>();
  private final List<Runnable> closeActions = new ArrayList<>();
  private final AtomicLong dropped = new AtomicLong();
  private MessageConsumer<String> ownerNews;
  private MessageConsumer<String> rolloutNews;
  private long heartbeat = -1;
  private boolean closed;

  private LiveStream(Vertx vertx, HttpServerResponse response) {
    this.vertx = vertx;
    this.response = response;
  }

  /**
   * Starts a stream on {@code response} following {@code deviceIds}, and any device announced on
   * {@code ownerId}'s address later; an {@code event: ready} frame listing the devices is sent once
   * every subscription is in place.
   *
   * @return the stream, once ready
   */
  public static Future<LiveStream> open(
      Vertx vertx,
      HttpServerResponse response,
      String ownerId,
      Collection<String> deviceIds,
      Duration heartbeatEvery) {
    return open(vertx, response, ownerId, deviceIds, false, heartbeatEvery);
  }

  /**
   * As {@link #open(Vertx, HttpServerResponse, String, Collection, Duration)}; with {@code
   * rollouts}, the stream also carries every rollout's progress ({@code event: rollout}), for
   * maintainers and admins.
   */
  public static Future<LiveStream> open(
      Vertx vertx,
      HttpServerResponse response,
      String ownerId,
      Collection<String> deviceIds,
      boolean rollouts,
      Duration heartbeatEvery) {
    LiveStream stream = new LiveStream(vertx, response);
    return stream.start(ownerId, deviceIds, rollouts, heartbeatEvery).map(stream);
  }

  private Future<Void> start(
      String ownerId, Collection<String> deviceIds, boolean rollouts, Duration every) {
    response
        .setStatusCode(200)
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    response.closeHandler(v -> release());
    response.exceptionHandler(e -> release());
    if (response.closed()) {
      // The client left while its devices were being looked up: no close event will come.
      release();
      return Future.failedFuture("the client closed the connection before the stream started");
    }
    write("retry: " + RECONNECT_MILLIS + "\n\n");
    var registrations = new ArrayList<Future<Void>>();
    for (String deviceId : deviceIds) {
      registrations.add(follow(deviceId));
    }
    ownerNews = vertx.eventBus().consumer(LiveAddresses.owner(ownerId), this::onOwnerNews);
    registrations.add(ownerNews.completion());
    if (rollouts) {
      rolloutNews = vertx.eventBus().consumer(LiveAddresses.rollouts(), this::forward);
      registrations.add(rolloutNews.completion());
    }
    heartbeat = vertx.setPeriodic(Math.max(1, every.toMillis()), id -> write(": ping\n\n"));
    return Future.all(registrations)
        .map(
            all -> {
              var ids = new StringBuilder("{\"devices\":[");
              String separator = "";
              for (String id : devices.keySet()) {
                ids.append(separator).append('"').append(id).append('"');
                separator = ",";
              }
              write(frame("ready", ids.append("]}").toString()));
              return null;
            });
  }

  /** Also follows {@code deviceId} from now on; completes once subscribed. */
  public Future<Void> follow(String deviceId) {
    if (closed || devices.containsKey(deviceId)) {
      return Future.succeededFuture();
    }
    MessageConsumer<String> consumer =
        vertx.eventBus().consumer(LiveAddresses.device(deviceId), this::forward);
    devices.put(deviceId, consumer);
    return consumer.completion();
  }

  /** Runs {@code action} once when the stream ends, whoever ends it. */
  public void onClose(Runnable action) {
    if (closed) {
      action.run();
    } else {
      closeActions.add(action);
    }
  }

  /** Ends the stream (e.g. its session ended) and releases everything. */
  public void close() {
    if (!closed) {
      release();
      response.end();
    }
  }

  public boolean isClosed() {
    return closed;
  }

  /** Updates not delivered because the client read too slowly. */
  public long dropped() {
    return dropped.get();
  }

  private void onOwnerNews(Message<String> message) {
    String kind = message.headers().get(LiveAddresses.KIND_HEADER);
    if (EventBusLiveUpdates.DEVICE_KIND.equals(kind)) {
      String deviceId = deviceIdOf(message.body());
      if (deviceId != null) {
        follow(deviceId).onComplete(done -> forward(message));
        return;
      }
    }
    forward(message);
  }

  private void forward(Message<String> message) {
    String kind = message.headers().get(LiveAddresses.KIND_HEADER);
    if (closed || kind == null || !KIND.matcher(kind).matches()) {
      return;
    }
    if (response.writeQueueFull()) {
      dropped.incrementAndGet();
      return;
    }
    write(frame(kind, message.body()));
  }

  /** The {@code deviceId} of a message the hub itself wrote; null when missing. */
  private static String deviceIdOf(String json) {
    var matcher = DEVICE_ID.matcher(json);
    return matcher.find() ? matcher.group(1) : null;
  }

  static String frame(String kind, String data) {
    var frame = new StringBuilder(data.length() + kind.length() + 16);
    frame.append("event: ").append(kind).append('\n');
    // A line break inside data would end the field; SSE carries multi-line data as several lines.
    for (String line : data.split("\r\n|\r|\n", -1)) {
      frame.append("data: ").append(line).append('\n');
    }
    return frame.append('\n').toString();
  }

  private void write(String text) {
    if (!closed) {
      response.write(Buffer.buffer(text));
    }
  }

  private void release() {
    if (closed) {
      return;
    }
    closed = true;
    if (heartbeat >= 0) {
      vertx.cancelTimer(heartbeat);
    }
    devices.values().forEach(MessageConsumer::unregister);
    devices.clear();
    if (ownerNews != null) {
      ownerNews.unregister();
    }
    if (rolloutNews != null) {
      rolloutNews.unregister();
    }
    for (Runnable action : closeActions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("live stream close action failed", e);
      }
    }
    closeActions.clear();
  }
}
