package dev.hearth.hub.live;

import dev.hearth.hub.api.ApiTestHub;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.function.Predicate;

/** A minimal server-sent-events reader over a real HTTP connection, for tests. */
final class SseClient implements AutoCloseable {

  private final HttpClient http;
  private final StringBuffer received = new StringBuffer();
  private final Promise<Void> ended = Promise.promise();
  final HttpClientResponse response;

  private SseClient(ApiTestHub hub, String header, String value) {
    http = hub.vertx.createHttpClient();
    var options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost("127.0.0.1")
            .setPort(hub.port())
            .setURI("/api/v1/live")
            .putHeader("Accept", "text/event-stream")
            .putHeader(header, value);
    response =
        ApiTestHub.await(
            http.request(options)
                .compose(request -> request.send())
                .onSuccess(
                    r -> {
                      r.handler(buffer -> received.append(buffer.toString()));
                      r.endHandler(v -> ended.tryComplete());
                      r.exceptionHandler(e -> ended.tryComplete());
                    }));
  }

  static SseClient bearer(ApiTestHub hub, String token) {
    return new SseClient(hub, "Authorization", "Bearer " + token);
  }

  static SseClient cookie(ApiTestHub hub, String token) {
    return new SseClient(hub, "Cookie", "hearth_session=" + token);
  }

  String text() {
    return received.toString();
  }

  /** Waits until what was received satisfies {@code condition}. */
  String awaitText(Predicate<String> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String text = text();
      if (condition.test(text)) {
        return text;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("not received within " + timeout + "; got:\n" + text());
  }

  String awaitReady() {
    return awaitText(text -> text.contains("event: ready\n"), Duration.ofSeconds(10));
  }

  boolean awaitEnd(Duration timeout) {
    try {
      ended
          .future()
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    ApiTestHub.await(http.close());
  }
}
