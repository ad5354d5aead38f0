package dev.hearth.agent.update;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub's artifact endpoint as SPEC 5.1 describes it, on the JDK's HTTP server over loopback:
 * {@code GET /api/v1/artifacts/{sha256}} with {@code Range} ({@code 206}, {@code 416}, {@code
 * ETag}). It can be told to cut a response after some bytes (the connection drops) or to hold it
 * there until released, and it records every {@code Range} it was asked for.
 */
final class ArtifactServer implements AutoCloseable {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final List<String> ranges = new CopyOnWriteArrayList<>();
  private final AtomicLong cutAfter = new AtomicLong(-1);
  private volatile boolean ignoreRanges;
  private final AtomicLong holdAfter = new AtomicLong(-1);
  private final AtomicReference<CountDownLatch> hold = new AtomicReference<>(new CountDownLatch(0));

  private ArtifactServer(HttpServer server) {
    this.server = server;
  }

  static ArtifactServer start() throws IOException {
    return start(0);
  }

  /** On {@code port} (0: any free one), e.g. again on the port of a server that was stopped. */
  static ArtifactServer start(int port) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    var s = new ArtifactServer(http);
    http.createContext("/api/v1/artifacts/", s::handle);
    http.setExecutor(s.threads);
    http.start();
    return s;
  }

  /** Serves {@code bytes} under their hash; returns the hash. */
  String put(byte[] bytes) {
    String sha256 = TestCommunity.sha256(bytes);
    served.put(sha256, bytes);
    return sha256;
  }

  /** Serves other bytes under {@code sha256}: a tampered store. */
  void tamper(String sha256, byte[] bytes) {
    served.put(sha256, bytes);
  }

  URI url(String sha256) {
    return URI.create("http://127.0.0.1:" + port() + "/api/v1/artifacts/" + sha256);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The next response ends (the connection drops) after {@code bytes} of its body. */
  void cutNextAfter(long bytes) {
    cutAfter.set(bytes);
  }

  /** Responses stop after {@code bytes} of the artifact until {@link #release()}. */
  void holdAfter(long bytes) {
    hold.set(new CountDownLatch(1));
    holdAfter.set(bytes);
  }

  void release() {
    holdAfter.set(-1);
    hold.get().countDown();
  }

  /** Answers every request with the whole artifact ({@code 200}), as servers without ranges do. */
  void ignoreRanges() {
    ignoreRanges = true;
  }

  /** The {@code Range} header of every request, {@code "-"} for none. */
  List<String> ranges() {
    return List.copyOf(ranges);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String sha256 = exchange.getRequestURI().getPath().replaceFirst(".*/", "");
      byte[] bytes = served.get(sha256);
      String range = exchange.getRequestHeaders().getFirst("Range");
      ranges.add(range == null ? "-" : range);
      if (bytes == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().add("ETag", "\"" + sha256 + "\"");
      exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
      int from = 0;
      if (range != null && !ignoreRanges) {
        Matcher m = RANGE.matcher(range);
        if (!m.matches() || Long.parseLong(m.group(1)) >= bytes.length) {
          exchange.getResponseHeaders().add("Content-Range", "bytes */" + bytes.length);
          exchange.sendResponseHeaders(416, -1);
          return;
        }
        from = Integer.parseInt(m.group(1));
        exchange
            .getResponseHeaders()
            .add("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
        exchange.sendResponseHeaders(206, bytes.length - from);
      } else {
        exchange.sendResponseHeaders(200, bytes.length);
      }
      send(exchange.getResponseBody(), bytes, from);
    }
  }

  private void send(OutputStream body, byte[] bytes, int from) throws IOException {
    long cut = cutAfter.getAndSet(-1);
    int at = from;
    while (at < bytes.length) {
      long held = holdAfter.get();
      if (held >= 0 && at >= held) {
        body.flush();
        awaitRelease();
        continue;
      }
      int end = Math.min(bytes.length, at + 8192);
      if (held > at) {
        end = (int) Math.min(end, held);
      }
      if (cut >= 0 && at - from + end - at >= cut) {
        body.write(bytes, at, (int) (cut - (at - from)));
        body.flush();
        // Drop the connection mid-body, as a hub that goes away does.
        throw new IOException("cut after " + cut + " bytes, as the test asked");
      }
      body.write(bytes, at, end - at);
      at = end;
    }
  }

  private void awaitRelease() throws IOException {
    try {
      hold.get().await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while held");
    }
  }

  /** Stops answering at once: open connections drop. */
  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
