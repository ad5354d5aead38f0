package dev.hearth.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttFramesTest {

  @Test
  void aPacketIsReadOnlyOnceItHasAllArrived() {
    ByteBuffer puback = ByteBuffer.wrap(new byte[] {0x40, 3, 0, 7, (byte) 0x97});
    ByteBuffer part = ByteBuffer.wrap(new byte[] {0x40, 3, 0});

    assertThat(MqttFrames.next(part)).isNull();
    assertThat(part.position()).as("nothing consumed").isZero();
    MqttFrames.Packet p = MqttFrames.next(puback);
    assertThat(p.type()).isEqualTo(MqttFrames.PUBACK);
    assertThat(p.packetId()).isEqualTo(7);
    assertThat(p.pubackReason()).isEqualTo(0x97);
    assertThat(puback.hasRemaining()).isFalse();
  }

  @Test
  void connectCarriesVersionFiveFlagsAndSessionExpiry() {
    ByteBuffer c =
        MqttFrames.connect("dev-1", 30, 3600, "hearth/v1/dev-1/status", new byte[] {1}, "u", "p");
    MqttFrames.Packet p = MqttFrames.next(c);

    assertThat(p.type()).isEqualTo(1);
    byte[] b = p.body();
    assertThat(new String(b, 2, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("MQTT");
    assertThat(b[6]).as("protocol level").isEqualTo((byte) 5);
    assertThat(b[7] & 0xFF).as("user, password, will retain, will QoS 1, will").isEqualTo(0xEC);
    assertThat(b[10]).as("properties length").isEqualTo((byte) 5);
    assertThat(b[11]).as("session expiry property").isEqualTo((byte) 0x11);
  }

  @Test
  void subscribeAsksForQosOneOnEveryTopic() {
    MqttFrames.Packet p = MqttFrames.next(MqttFrames.subscribe(1, List.of("a/b", "c")));
    assertThat(p.flags()).isEqualTo(2);
    assertThat(p.body()).endsWith(0, 1, 'c', 1);
  }
}
