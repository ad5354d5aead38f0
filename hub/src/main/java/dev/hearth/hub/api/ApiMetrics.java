package dev.hearth.hub.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** The API's own meters, next to the HTTP server metrics Vert.x records. */
final class ApiMetrics {

  private final MeterRegistry registry;
  private final AtomicInteger liveStreams = new AtomicInteger();

  ApiMetrics(MeterRegistry registry) {
    this.registry = registry;
    registry.gauge("hearth.api.live.streams", liveStreams);
  }

  void login(String outcome) {
    counter("hearth.api.logins", outcome).increment();
  }

  void enrollment(String outcome) {
    counter("hearth.api.enrollments", outcome).increment();
  }

  AtomicInteger liveStreams() {
    return liveStreams;
  }

  private Counter counter(String name, String outcome) {
    return Counter.builder(name)
        .tag("outcome", outcome.toLowerCase(Locale.ROOT))
        .register(registry);
  }
}
