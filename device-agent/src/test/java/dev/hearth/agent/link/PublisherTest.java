package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.agent.link.outbox.Outbox;
import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.TopicKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publish window and its order, on a real outbox and a session that records. */
class PublisherTest {

  private static final long T0 = 1_750_000_000_000L;
  private static final DeviceId DEVICE = new DeviceId("washer-7");

  @TempDir Path dir;
  private Outbox outbox;
  private Publisher publisher;
  private final RecordingSession session = new RecordingSession();

  /** Keeps what was published, in order, with its tag. */
  static final class RecordingSession implements MqttSession {
    record Sent(Outgoing message, long tag) {}

    final List<Sent> sent = new ArrayList<>();

    @Override
    public void connect(ConnectSpec spec, Listener listener) {}

    @Override
    public void publish(Outgoing message, long tag) {
      sent.add(new Sent(message, tag));
    }

    @Override
    public void close(Outgoing farewell, Duration timeout) {}

    @Override
    public void abort() {}

    List<String> topics() {
      return sent.stream()
          .map(s -> s.message().topic().substring("hearth/v1/washer-7/".length()))
          .toList();
    }
  }

  @BeforeEach
  void open() {
    outbox = Outbox.open(dir, Outbox.MIN_MAX_BYTES, () -> T0);
    publisher = new Publisher(outbox, DEVICE, 1);
  }

  @AfterEach
  void close() {
    outbox.close();
  }

  private static Outgoing control(TopicKind kind, String text) {
    return new Outgoing(
        "hearth/v1/washer-7/" + kind.suffix(),
        text.getBytes(StandardCharsets.UTF_8),
        1,
        kind == TopicKind.STATUS);
  }

  private void queueEvents(int n) {
    for (int i = 0; i < n; i++) {
      outbox.appendEvent(
          new ApplianceEvent(
              T0, "alarm", Event.Severity.INFO, "e" + i, JsonNodeFactory.instance.objectNode()));
    }
  }

  @Test
  void controlMessagesGoFirstThenTheBacklogWithinTheWindow() {
    queueEvents(20);
    publisher.send(TopicKind.STATUS, control(TopicKind.STATUS, "online"));
    publisher.send(TopicKind.STATE, control(TopicKind.STATE, "old"));
    publisher.send(TopicKind.STATE, control(TopicKind.STATE, "new"));
    publisher.attach(session, 65_535);
    publisher.pump();

    assertThat(session.sent).hasSize(Publisher.MAX_IN_FLIGHT);
    assertThat(session.topics().subList(0, 3)).containsExactly("status", "state", "events");
    assertThat(new String(session.sent.get(1).message().payload(), StandardCharsets.UTF_8))
        .as("only the newest state is sent")
        .isEqualTo("new");

    publisher.published(session.sent.get(0).tag(), new PublishOutcome.Delivered());
    publisher.pump();
    assertThat(session.sent).hasSize(Publisher.MAX_IN_FLIGHT + 1);
    assertThat(publisher.inFlight()).isEqualTo(Publisher.MAX_IN_FLIGHT);
  }

  @Test
  void theBrokersReceiveMaximumNarrowsTheWindow() {
    queueEvents(5);
    publisher.attach(session, 2);
    publisher.pump();
    assertThat(session.sent).hasSize(2);
  }

  @Test
  void aDeliveredEntryLeavesTheOutbox() {
    queueEvents(1);
    publisher.attach(session, 10);
    publisher.pump();
    assertThat(publisher.published(session.sent.get(0).tag(), new PublishOutcome.Delivered()))
        .isEmpty();
    assertThat(outbox.stats().isEmpty()).isTrue();
  }

  @Test
  void aFailedPublishBreaksTheConnectionAndDetachingPutsEverythingBackInOrder() {
    queueEvents(3);
    publisher.send(TopicKind.STATUS, control(TopicKind.STATUS, "online"));
    publisher.send(TopicKind.COMMAND_RESULT, control(TopicKind.COMMAND_RESULT, "result-1"));
    publisher.attach(session, 10);
    publisher.pump();
    assertThat(session.topics())
        .containsExactly("status", "commands/result", "events", "events", "events");

    assertThat(
            publisher.published(
                session.sent.get(2).tag(), new PublishOutcome.Failed("socket closed")))
        .contains("socket closed");
    publisher.detach();
    var next = new RecordingSession();
    publisher.attach(next, 10);
    publisher.pump();
    assertThat(next.topics())
        .as("the result is resent, the stale status is not, the events come again in order")
        .containsExactly("commands/result", "events", "events", "events");
    assertThat(outbox.stats().events()).isEqualTo(3);
  }

  @Test
  void whatTheBrokerRefusesIsNotRetried() {
    queueEvents(1);
    publisher.send(TopicKind.STATE, control(TopicKind.STATE, "s"));
    publisher.attach(session, 10);
    publisher.pump();
    publisher.published(
        session.sent.get(0).tag(), new PublishOutcome.Refused(0x87, "not authorized"));
    publisher.published(
        session.sent.get(1).tag(), new PublishOutcome.Refused(0x87, "not authorized"));
    publisher.pump();
    assertThat(session.sent).hasSize(2);
    assertThat(outbox.stats().isEmpty()).isTrue();
  }

  @Test
  void nothingIsSentWhileDetached() {
    queueEvents(2);
    publisher.send(TopicKind.COMMAND_RESULT, control(TopicKind.COMMAND_RESULT, "r"));
    publisher.pump();
    assertThat(session.sent).isEmpty();
    assertThat(publisher.queued()).hasSize(1);
  }
}
