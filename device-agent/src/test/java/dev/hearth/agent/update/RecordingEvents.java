package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.agent.link.EventSink;
import dev.hearth.agent.runtime.ApplianceEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The link's event sink, in memory: every {@code update-progress} event the engine raised. */
final class RecordingEvents implements EventSink {

  static final Duration WAIT = Duration.ofSeconds(20);

  private final List<ApplianceEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void emit(ApplianceEvent event) {
    events.add(event);
  }

  /** The {@code data} of every update-progress event for {@code offerId}, in order. */
  List<JsonNode> of(String offerId) {
    return events.stream()
        .filter(e -> e.type().equals("update-progress"))
        .map(ApplianceEvent::data)
        .map(JsonNode.class::cast)
        .filter(d -> d.path("offerId").asText().equals(offerId))
        .toList();
  }

  /** The states reported for {@code offerId}, in order, download progress ticks included. */
  List<String> states(String offerId) {
    return of(offerId).stream().map(d -> d.path("state").asText()).toList();
  }

  /** The states, each run of repeats (progress ticks) collapsed into one. */
  List<String> distinctStates(String offerId) {
    List<String> all = states(offerId);
    var out = new java.util.ArrayList<String>();
    for (String s : all) {
      if (out.isEmpty() || !out.get(out.size() - 1).equals(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /** Waits for the first event of {@code offerId} matching {@code test}; returns its data. */
  JsonNode await(String offerId, Predicate<JsonNode> test) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode d : of(offerId)) {
        if (test.test(d)) {
          return d;
        }
      }
      sleep(5);
    }
    return fail("no matching update-progress for %s within %s; got %s", offerId, WAIT, of(offerId));
  }

  /** Waits for {@code offerId} to report {@code state}. */
  JsonNode await(String offerId, String state) {
    return await(offerId, d -> d.path("state").asText().equals(state));
  }

  /** Waits for the offer's final state (committed, rolled-back, failed). */
  JsonNode awaitFinal(String offerId) {
    return await(
        offerId,
        d -> List.of("committed", "rolled-back", "failed").contains(d.path("state").asText()));
  }

  List<ApplianceEvent> all() {
    return List.copyOf(events);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
