package dev.hearth.hub.gateway.mqtt;

import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Sends the answers to a session's QoS 1 publishes in the order the publishes arrived, as MQTT
 * requires (3.1.1 and 5.0, section 4.6), although a refusal is known at once while an accepted
 * message waits for its group commit. Used on the session's event loop only.
 */
final class VertxMqttAcks {

  private final ArrayDeque<Entry> waiting = new ArrayDeque<>();
  private final BiConsumer<Integer, VertxMqttReply> send;
  private final Consumer<Runnable> onEventLoop;

  /**
   * @param send sends one answer (PUBACK or close)
   * @param onEventLoop runs a task on the session's event loop
   */
  VertxMqttAcks(BiConsumer<Integer, VertxMqttReply> send, Consumer<Runnable> onEventLoop) {
    this.send = send;
    this.onEventLoop = onEventLoop;
  }

  /** Queues the answer to publish {@code packetId}, sent once it and all before it are known. */
  void add(int packetId, CompletionStage<VertxMqttReply> reply) {
    var entry = new Entry(packetId);
    waiting.add(entry);
    reply.whenComplete(
        (r, failure) ->
            onEventLoop.accept(
                () -> {
                  entry.reply = failure == null ? r : VertxMqttReply.SERVER_BUSY;
                  flush();
                }));
  }

  /** Forgets everything waiting: the connection is gone. */
  void clear() {
    waiting.clear();
  }

  private void flush() {
    while (!waiting.isEmpty() && waiting.peek().reply != null) {
      Entry head = waiting.poll();
      send.accept(head.packetId, head.reply);
      if (head.reply.closes()) {
        waiting.clear();
        return;
      }
    }
  }

  private static final class Entry {
    private final int packetId;
    private VertxMqttReply reply;

    private Entry(int packetId) {
      this.packetId = packetId;
    }
  }
}
