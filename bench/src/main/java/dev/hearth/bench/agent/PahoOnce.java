package dev.hearth.bench.agent;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A bare Paho MQTT 5 client: connects to {@code broker}, publishes one ~100-byte QoS 1 telemetry
 * message on {@code hearth/v1/<client>/telemetry}, waits for the PUBACK, then stays connected for
 * {@code lingerSeconds} (so its resident memory can be read) and disconnects.
 *
 * <p>Usage: {@code java -jar hearth-paho-once.jar tcp://127.0.0.1:1883 [client-id]
 * [linger-seconds]}. Depends on nothing but Paho and the JDK, so its jar holds nothing else.
 */
public final class PahoOnce {

  private PahoOnce() {}

  public static void main(String[] args) throws MqttException, InterruptedException {
    if (args.length < 1) {
      System.err.println("usage: PahoOnce tcp://host:port [client-id] [linger-seconds]");
      System.exit(2);
    }
    String broker = args[0];
    String clientId = args.length > 1 ? args[1] : "bare-paho";
    long linger = args.length > 2 ? Long.parseLong(args[2]) : 0;
    long t0 = System.nanoTime();
    MqttClient client = new MqttClient(broker, clientId, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.connect(options);
    long connected = System.nanoTime();
    String payload =
        "{\"seq\":1,\"samples\":[{\"t\":"
            + System.currentTimeMillis()
            + ",\"v\":{\"cavity_temp\":21.25,\"door_primary\":1.0,\"door_secondary\":1.0}}],"
            + "\"dropped\":0}";
    MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
    message.setQos(1);
    client.publish("hearth/v1/" + clientId + "/telemetry", message);
    long acked = System.nanoTime();
    System.out.printf(
        "paho-once: connected in %.1f ms, PUBACK %.1f ms later%n",
        (connected - t0) / 1e6, (acked - connected) / 1e6);
    System.out.flush();
    Thread.sleep(linger * 1000);
    client.disconnect();
    client.close();
  }
}
