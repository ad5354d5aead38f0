package dev.hearth.hub.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.gateway.testing.Payloads;
import dev.hearth.hub.store.Events.StoredEvent;
import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import dev.hearth.hub.store.jdbc.JdbcHubStore;
import dev.hearth.hub.store.jdbc.StoreConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing acknowledged is lost": a device streams QoS 1 events to a hub in a child JVM, the hub is
 * killed with SIGKILL mid-stream, and every event the device saw acknowledged is in the store when
 * it is opened again.
 */
class KillNineDurabilityTest {

  private static final String DEVICE = "washer-durable";
  private static final String PASSWORD = "s3cret-s3cret";
  private static final int ACKED_BEFORE_KILL = 300;
  private static final int IN_FLIGHT = 50;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedEventSurvivesAKillOfTheHub() throws Exception {
    Path database = dir.resolve("hub");
    Process hub = startHub(database);
    Set<Long> acked = ConcurrentHashMap.newKeySet();
    MqttAsyncClient device = null;
    try {
      int port = awaitReady(hub);
      device = connect(port);
      var killed = new CompletableFuture<Void>();
      var window = new Semaphore(IN_FLIGHT);
      long seq = 0;
      while (!killed.isDone()) {
        if (!window.tryAcquire(5, TimeUnit.SECONDS)) {
          break; // the hub is gone and will not answer
        }
        long mine = ++seq;
        try {
          device.publish(
              "hearth/v1/" + DEVICE + "/events",
              Payloads.event(mine),
              1,
              false,
              null,
              new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                  int[] codes = token.getReasonCodes();
                  if (codes == null || codes.length == 0 || codes[0] < 0x80) {
                    acked.add(mine);
                  }
                  window.release();
                  if (acked.size() >= ACKED_BEFORE_KILL && !killed.isDone()) {
                    hub.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
                    killed.complete(null);
                  }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                  window.release();
                }
              });
        } catch (MqttException e) {
          window.release();
          if (!device.isConnected()) {
            break; // the hub was killed
          }
          Thread.sleep(5); // the client's own in-flight limit; try again
          seq--;
        }
      }
      assertThat(killed).as("killed after %s acknowledgements of %s", acked.size(), seq).isDone();
      assertThat(hub.waitFor(30, TimeUnit.SECONDS)).as("hub exited").isTrue();
      Thread.sleep(200); // acknowledgements already on the wire are still counted
    } finally {
      hub.destroyForcibly();
      if (device != null) {
        try {
          device.disconnectForcibly(0, 100, false);
          device.close(true);
        } catch (MqttException e) {
          // already gone
        }
      }
    }

    Set<Long> snapshot = Set.copyOf(acked);
    assertThat(snapshot).hasSizeGreaterThanOrEqualTo(ACKED_BEFORE_KILL);
    try (JdbcHubStore store = JdbcHubStore.open(StoreConfig.h2File(database))) {
      Set<Long> stored = storedSeqs(store);
      assertThat(stored).containsAll(snapshot);
    }
  }

  private static Process startHub(Path database) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            GatewayChildMain.class.getName(),
            database.toString(),
            DEVICE,
            PASSWORD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Reads the child's output until it reports its port, then keeps draining it. */
  private static int awaitReady(Process hub) throws Exception {
    var reader =
        new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
    var port = new CompletableFuture<Integer>();
    Thread drain =
        new Thread(
            () -> {
              try {
                for (String line; (line = reader.readLine()) != null; ) {
                  if (line.startsWith("READY ")) {
                    port.complete(Integer.parseInt(line.substring(6).trim()));
                  }
                }
              } catch (Exception e) {
                // the child died
              }
              port.completeExceptionally(new IllegalStateException("hub exited before READY"));
            },
            "child-hub-output");
    drain.setDaemon(true);
    drain.start();
    return port.get(120, TimeUnit.SECONDS);
  }

  private static MqttAsyncClient connect(int port) throws MqttException {
    var client = new MqttAsyncClient("tcp://127.0.0.1:" + port, DEVICE, new MemoryPersistence());
    var options = new MqttConnectionOptions();
    options.setUserName(DEVICE);
    options.setPassword(PASSWORD.getBytes(StandardCharsets.UTF_8));
    options.setAutomaticReconnect(false);
    client.connect(options).waitForCompletion(10_000);
    return client;
  }

  private static Set<Long> storedSeqs(JdbcHubStore store) {
    Set<Long> seqs = new HashSet<>();
    String cursor = null;
    do {
      Page<StoredEvent> page =
          store.events().of(DEVICE, new PageRequest(cursor, PageRequest.MAX_LIMIT));
      page.items().forEach(e -> seqs.add(e.seq()));
      cursor = page.next();
    } while (cursor != null);
    return seqs;
  }
}
