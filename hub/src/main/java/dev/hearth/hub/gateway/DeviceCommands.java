package dev.hearth.hub.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.store.CommandRecord;
import dev.hearth.hub.store.Commands;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.WireCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands from owners to devices: stored first ({@link Commands#enqueue}), delivered at once to a
 * device listening on its {@code commands} topic, else when it next subscribes, oldest first and
 * only while unexpired; marked sent when the device acknowledges them. Results come back through
 * the ingest pipeline ({@code commands/result}) and the store completes the command.
 *
 * <p>Delivery and store bookkeeping run on one thread of their own, which keeps each device's
 * commands in order and keeps blocking store calls off the transports' I/O threads. Delivery is at
 * least once: a command whose acknowledgement was lost is sent again on the next session, and the
 * device ignores an id it has seen (wire chapter, section 3.5).
 */
public final class DeviceCommands implements CommandSender, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceCommands.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WireCodec CODEC = new WireCodec();

  private final Commands store;
  private final Clock clock;
  private final ScheduledExecutorService worker;
  private final Map<DeviceId, Listener> listeners = new ConcurrentHashMap<>();
  private final List<Consumer<DeviceId>> listeningHooks = new CopyOnWriteArrayList<>();

  public DeviceCommands(Commands store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hearth-gateway-commands");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Stores the command, then delivers it if the device is listening.
   *
   * @throws IllegalArgumentException when {@code name} or {@code args} break the wire rules (also
   *     when the command would encode larger than 16 KiB) or {@code ttl} is not positive
   */
  @Override
  public CommandRecord send(
      String deviceId, String name, ObjectNode args, String requestedBy, Duration ttl) {
    DeviceId device = new DeviceId(deviceId);
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("command ttl must be positive: " + ttl);
    }
    String id = UUID.randomUUID().toString();
    // Building and encoding the wire record checks name, arguments and size before anything is
    // stored: a command that could never be sent is refused now, not found out at delivery.
    Command wire = new Command(id, name, args == null ? JSON.createObjectNode() : args);
    CODEC.encode(wire);
    Instant now = clock.instant();
    var record =
        new CommandRecord(
            id,
            device.value(),
            wire.name(),
            wire.args().toString(),
            requestedBy,
            now,
            now.plus(ttl),
            CommandRecord.Status.QUEUED,
            null,
            now);
    store.enqueue(record);
    onWorker(
        () -> {
          Listener listener = listeners.get(device);
          if (listener != null) {
            deliver(listener, record);
          }
        });
    return record;
  }

  /**
   * A device now listens on its commands topic: sends its pending commands, oldest first. Replaces
   * an earlier channel of the same device (its session was taken over).
   */
  public void attach(DeviceId device, CommandChannel channel) {
    Objects.requireNonNull(channel, "channel");
    var listener = new Listener(channel);
    listeners.put(device, listener);
    onWorker(
        () -> {
          if (listeners.get(device) != listener) {
            return;
          }
          try {
            store.pending(device.value(), clock.instant()).forEach(c -> deliver(listener, c));
          } catch (RuntimeException e) {
            LOG.error("could not load pending commands of device '{}'", device, e);
          }
          for (Consumer<DeviceId> hook : listeningHooks) {
            try {
              hook.accept(device);
            } catch (RuntimeException e) {
              LOG.error("a listener of device '{}' listening failed", device, e);
            }
          }
        });
  }

  /**
   * Also tells {@code hook}, on the commands thread, each time a device starts listening (after its
   * pending commands went out); update offers waiting for the device hang here.
   */
  public void onListening(Consumer<DeviceId> hook) {
    listeningHooks.add(Objects.requireNonNull(hook, "hook"));
  }

  /** The channel of a device listening now, if any. */
  public Optional<CommandChannel> channel(DeviceId device) {
    return Optional.ofNullable(listeners.get(device)).map(l -> l.channel);
  }

  /** The device stopped listening (unsubscribed or disconnected). */
  public void detach(DeviceId device, CommandChannel channel) {
    listeners.computeIfPresent(device, (d, l) -> l.channel == channel ? null : l);
  }

  /** Marks queued commands past their expiry as expired, every {@code every}. */
  public void startExpirySweep(Duration every) {
    worker.scheduleWithFixedDelay(
        this::expireDueLogged, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Marks queued commands past their expiry as expired now; returns how many. */
  public int expireDue() {
    return store.expire(clock.instant());
  }

  private void expireDueLogged() {
    try {
      int expired = expireDue();
      if (expired > 0) {
        LOG.info("{} queued commands expired undelivered", expired);
      }
    } catch (RuntimeException e) {
      LOG.error("command expiry sweep failed; retrying at the next sweep", e);
    }
  }

  /** Runs on the worker. */
  private void deliver(Listener listener, CommandRecord record) {
    if (!listener.inFlight.add(record.id())) {
      return; // already sent on this session (queued and pending raced)
    }
    Command wire;
    try {
      wire = new Command(record.id(), record.name(), (ObjectNode) JSON.readTree(record.argsJson()));
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.error("stored command {} cannot be sent: {}", record.id(), e.getMessage());
      return;
    }
    listener
        .channel
        .deliver(wire)
        .whenComplete(
            (ok, failure) ->
                onWorker(
                    () -> {
                      if (failure != null) {
                        listener.inFlight.remove(record.id());
                        return;
                      }
                      try {
                        store.markSent(record.id(), clock.instant());
                      } catch (RuntimeException e) {
                        LOG.error("could not mark command {} sent", record.id(), e);
                      }
                    }));
  }

  private void onWorker(Runnable task) {
    try {
      worker.execute(task);
    } catch (RejectedExecutionException e) {
      // Closing: the command stays queued in the store and goes out after the restart.
    }
  }

  @Override
  public void close() {
    worker.shutdown();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A listening session; {@code inFlight} is touched only on the worker thread. */
  private static final class Listener {
    private final CommandChannel channel;
    private final Set<String> inFlight = new HashSet<>();

    private Listener(CommandChannel channel) {
      this.channel = channel;
    }
  }
}
