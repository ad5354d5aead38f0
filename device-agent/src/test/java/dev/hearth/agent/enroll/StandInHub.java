package dev.hearth.agent.enroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * The hub's enrollment endpoint, stood in by the JDK's HTTP server on loopback: it answers each
 * request with the next reply of its script and records what it was sent.
 */
final class StandInHub implements AutoCloseable {

  /** One scripted answer. */
  record Reply(int status, String contentType, String body, Map<String, String> headers) {}

  /** A request as received. */
  record Received(String method, String path, String contentType, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private StandInHub(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.start();
  }

  /** A plain-HTTP stand-in on 127.0.0.1 (the agent accepts http only for loopback). */
  static StandInHub start(Reply... replies) {
    try {
      StandInHub hub =
          new StandInHub(
              HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
      hub.script(replies);
      return hub;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTPS stand-in with the given server identity. */
  static StandInHub startTls(SSLContext identity, Reply... replies) {
    try {
      HttpsServer https =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      https.setHttpsConfigurator(new HttpsConfigurator(identity));
      StandInHub hub = new StandInHub(https);
      hub.script(replies);
      return hub;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void script(Reply... replies) {
    script.addAll(List.of(replies));
  }

  URI url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  static Reply json(int status, String body) {
    return new Reply(status, "application/json", body, Map.of());
  }

  static Reply pending(int pollAfterSeconds) {
    return json(202, "{\"status\":\"pending\",\"pollAfterSeconds\":" + pollAfterSeconds + "}");
  }

  static Reply problem(int status, String title, String detail) {
    return new Reply(
        status,
        "application/problem+json",
        "{\"type\":\"https://hearth.dev/problems/x\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail
            + "\"}",
        Map.of());
  }

  static Reply withHeader(Reply reply, String name, String value) {
    return new Reply(reply.status(), reply.contentType(), reply.body(), Map.of(name, value));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body.length == 0 ? null : JSON.readTree(body)));
      Reply reply;
      synchronized (this) {
        reply =
            script.isEmpty()
                ? new Reply(500, "text/plain", "the test's script has no more replies", Map.of())
                : script.poll();
      }
      byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
