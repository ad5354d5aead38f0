package dev.hearth.hub.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.gateway.RefusalLog;
import dev.hearth.hub.gateway.testing.Answer;
import dev.hearth.hub.gateway.testing.LogCapture;
import dev.hearth.hub.gateway.testing.Payloads;
import dev.hearth.hub.gateway.testing.TestGateway;
import dev.hearth.hub.gateway.testing.TestGateway.DeviceCredentials;
import dev.hearth.specs.wire.TopicKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What only CoAP has: DTLS with a key per device, response bodies, paths. */
class CoapDtlsTest {

  private static TestGateway hub;

  @BeforeAll
  static void startHub() {
    hub = TestGateway.builder().start();
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  @Test
  void aWrongKeyGetsNoHearingAtAll() {
    DeviceCredentials washer = hub.givenDevice("washer");
    byte[] wrong = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    try (CaliforniumDevice device =
        CaliforniumDevice.impostor(hub.coapPort(), washer.id(), wrong)) {
      assertThat(device.publish(TopicKind.EVENTS, Payloads.event(1))).isEqualTo(Answer.CLOSED);
    }
    assertThat(hub.store().events().highestSeq(washer.id())).isZero();
  }

  @Test
  void anUnknownIdentityIsRefusedAndLogged() {
    try (LogCapture log = LogCapture.of(RefusalLog.class);
        CaliforniumDevice device =
            CaliforniumDevice.impostor(hub.coapPort(), "nobody-here", new byte[16])) {
      assertThat(device.publish(TopicKind.EVENTS, Payloads.event(1))).isEqualTo(Answer.CLOSED);
      assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("nobody-here", "PSK"));
    }
  }

  @Test
  void aRefusalCarriesTheWireErrorAsJson() {
    DeviceCredentials washer = hub.givenDevice("washer");
    try (CaliforniumDevice device = CaliforniumDevice.connect(hub.coapPort(), washer)) {
      assertThat(device.publish(TopicKind.EVENTS, Payloads.wrongType()))
          .isEqualTo(Answer.refused("4.00"));
      assertThat(device.lastBody())
          .startsWith("{\"code\":\"WRONG_TYPE\",\"field\":\"/seq\",\"message\":");
    }
  }

  @Test
  void pathsThatMirrorNoDeviceTopicAreNotFound() {
    DeviceCredentials washer = hub.givenDevice("washer");
    try (CaliforniumDevice device = CaliforniumDevice.connect(hub.coapPort(), washer)) {
      assertThat(device.post("/hearth/v1/" + washer.id() + "/commands", Payloads.event(1)))
          .isEqualTo(Answer.refused("4.04"));
      assertThat(device.post("/hearth/v2/" + washer.id() + "/events", Payloads.event(1)))
          .isEqualTo(Answer.refused("4.04"));
    }
  }
}
