package dev.hearth.hub.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.gateway.Refusal;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

/** The response codes of the wire chapter, section 1.2, for each refusal. */
class CaliforniumMirrorResourceTest {

  @Test
  void refusalsMapToTheWireChaptersResponseCodes() {
    assertThat(code(Refusal.Reason.FORBIDDEN)).isEqualTo(ResponseCode.FORBIDDEN);
    assertThat(code(Refusal.Reason.TOO_LARGE)).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
    assertThat(code(Refusal.Reason.MALFORMED)).isEqualTo(ResponseCode.BAD_REQUEST);
    assertThat(code(Refusal.Reason.UNKNOWN_TOPIC)).isEqualTo(ResponseCode.NOT_FOUND);
    assertThat(code(Refusal.Reason.RATE_LIMITED)).isEqualTo(ResponseCode.TOO_MANY_REQUESTS);
    assertThat(code(Refusal.Reason.BUSY)).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
  }

  private static ResponseCode code(Refusal.Reason reason) {
    return CaliforniumMirrorResource.code(new Refusal(reason, "X", "", "m"));
  }
}
