package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.link.outbox.Outbox;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.Status;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.WireCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline test of issue 3: stop the broker, run a cycle, {@code kill -9} the agent, restart
 * both. Every event must arrive exactly once and in order, and the telemetry gap must be exactly
 * what the outbox's byte bound implies.
 *
 * <p>The agent runs in its own JVM ({@link ScriptedAgentMain}) on stepped time, so the cycle's
 * samples and batches are exact; the hub is a real Paho client on a private Mosquitto.
 */
class OfflineKillTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long BOUND = Outbox.MIN_MAX_BYTES;
  private static final int BATCHES = 160;
  private static final int EVENT_EVERY = 10;
  private static final int SAMPLES_PER_BATCH = 5;

  @TempDir Path dir;

  @Test
  void everyEventArrivesOnceInOrderAndTheTelemetryGapIsWhatTheBoundSays() throws Exception {
    var device = new DeviceId("kill-test-washer");
    Path outbox = dir.resolve("outbox");
    try (PrivateBroker broker = PrivateBroker.start(dir.resolve("broker"));
        HubProbe hub = HubProbe.connect(broker.tcpUri(), device)) {
      String[] args = {
        broker.tcpUri(), device.value(), outbox.toString(), Long.toString(BOUND), "1750000000000"
      };

      // Online, nothing queued.
      String cycle;
      try (AgentProcess agent = AgentProcess.start(dir.resolve("agent-1.log"), args)) {
        assertThat(agent.request("await-online", WAIT)).isEqualTo("online");
        assertThat(agent.request("await-drained", WAIT)).isEqualTo("drained");

        // The hub goes away; the cycle runs offline; the agent is killed.
        broker.stop();
        assertThat(agent.request("await-offline", WAIT)).isEqualTo("offline");
        cycle = agent.request("cycle " + BATCHES + " " + EVENT_EVERY, WAIT);
        agent.kill();
      }
      Matcher done =
          Pattern.compile("cycle-done events=(\\d+) samples=(\\d+) batches=(\\d+)").matcher(cycle);
      assertThat(done.matches()).as(cycle).isTrue();
      int cycleEvents = Integer.parseInt(done.group(1));
      long samples = Long.parseLong(done.group(2));
      assertThat(samples).isEqualTo((long) BATCHES * SAMPLES_PER_BATCH);

      // Both come back: the broker first, then the hub's subscription, then the agent.
      broker.start();
      hub.connect();
      try (AgentProcess agent = AgentProcess.start(dir.resolve("agent-2.log"), args)) {
        hub.await(Event.class, e -> e.type().equals("telemetry-gap"));
        assertThat(agent.request("await-drained", WAIT)).isEqualTo("drained");
      }

      WireCodec codec = new WireCodec();
      List<HubProbe.Received> events = hub.on(TopicKind.EVENTS);
      List<Event> decoded = hub.decoded(Event.class);

      // Exactly once, in order: seq 1..N+1 as they arrived, no repeats (N cycle events + the gap).
      assertThat(decoded)
          .extracting(Event::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, cycleEvents + 1).boxed().toList());
      List<String> expectedTypes = new ArrayList<>();
      expectedTypes.add("cycle-started");
      for (int b = EVENT_EVERY; b <= BATCHES; b += EVENT_EVERY) {
        expectedTypes.add("cycle-progress");
      }
      expectedTypes.add("cycle-finished");
      expectedTypes.add("telemetry-gap");
      assertThat(decoded).extracting(Event::type).containsExactlyElementsOf(expectedTypes);

      // What the bound says: events are never dropped, so the batches that fit are those that
      // fit next to them; every batch of the cycle is the same size on disk.
      List<TelemetryBatch> batches = hub.decoded(TelemetryBatch.class);
      assertThat(batches).isNotEmpty();
      long eventBytes =
          events.subList(0, cycleEvents).stream()
              .mapToLong(r -> Outbox.FRAME_OVERHEAD_BYTES + r.payload().length)
              .sum();
      long batchBytes =
          Outbox.FRAME_OVERHEAD_BYTES
              + codec.encode(new TelemetryBatch(0, batches.get(0).samples(), 0)).length;
      assertThat(batches)
          .allSatisfy(
              b ->
                  assertThat(
                          Outbox.FRAME_OVERHEAD_BYTES
                              + codec.encode(new TelemetryBatch(0, b.samples(), 0)).length)
                      .isEqualTo(batchBytes));
      long kept = (BOUND - eventBytes) / batchBytes;
      long droppedBatches = BATCHES - kept;
      long droppedSamples = samples - kept * SAMPLES_PER_BATCH;
      assertThat(droppedBatches).as("the bound must make the cycle lose telemetry").isPositive();

      assertThat(batches).hasSize((int) kept);
      assertThat(batches)
          .extracting(TelemetryBatch::seq)
          .containsExactlyElementsOf(
              LongStream.rangeClosed(droppedBatches + 1, BATCHES).boxed().toList());
      assertThat(batches.get(0).dropped()).isEqualTo(droppedSamples);
      assertThat(batches.subList(1, batches.size()))
          .allSatisfy(b -> assertThat(b.dropped()).isZero());
      assertThat(batches).allSatisfy(b -> assertThat(b.samples()).hasSize(SAMPLES_PER_BATCH));

      Event gap = decoded.get(decoded.size() - 1);
      assertThat(gap.data().get("droppedSamples").asLong()).isEqualTo(droppedSamples);
      assertThat(gap.data().get("droppedBatches").asLong()).isEqualTo(droppedBatches);
      assertThat(gap.data().get("batchSeq").asLong()).isEqualTo(droppedBatches + 1);

      // In order across topics too: what the outbox drained comes in the order it was queued.
      List<Long> drainedTimes =
          hub.all().stream()
              .filter(r -> r.kind() == TopicKind.TELEMETRY || r.kind() == TopicKind.EVENTS)
              .map(r -> timeOf(codec, r))
              .filter(t -> t > 0)
              .collect(Collectors.toList());
      assertThat(drainedTimes).isSorted();

      // The second agent said it was online again.
      assertThat(hub.decoded(Status.class))
          .extracting(Status::state)
          .containsSubsequence(Status.Presence.ONLINE, Status.Presence.ONLINE);
      Map<TopicKind, Long> unexpected =
          hub.all().stream()
              .collect(Collectors.groupingBy(HubProbe.Received::kind, Collectors.counting()));
      assertThat(unexpected).doesNotContainKey(TopicKind.COMMAND_RESULT);
    }
  }

  /** When an entry was queued: an event's ts, a batch's last sample; 0 for the gap event. */
  private static long timeOf(WireCodec codec, HubProbe.Received r) {
    if (r.kind() == TopicKind.EVENTS) {
      Event e = codec.decode(Event.class, r.payload()).payload().orElseThrow();
      return e.type().equals("telemetry-gap") ? 0 : e.ts();
    }
    TelemetryBatch b = codec.decode(TelemetryBatch.class, r.payload()).payload().orElseThrow();
    return b.samples().get(b.samples().size() - 1).t();
  }
}
