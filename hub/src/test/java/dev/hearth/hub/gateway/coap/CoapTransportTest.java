package dev.hearth.hub.gateway.coap;

import dev.hearth.hub.gateway.contract.DeviceTransportContract;
import dev.hearth.hub.gateway.testing.Answer;
import dev.hearth.hub.gateway.testing.DeviceClient;
import dev.hearth.hub.gateway.testing.TestGateway;
import dev.hearth.hub.gateway.testing.TestGateway.DeviceCredentials;

/** The transport contract over CoAP with DTLS-PSK: refusals are 4.xx responses (wire §1.2). */
class CoapTransportTest extends DeviceTransportContract {

  @Override
  protected DeviceClient connect(TestGateway hub, DeviceCredentials device) {
    return CaliforniumDevice.connect(hub.coapPort(), device);
  }

  @Override
  protected Answer forbiddenAnswer() {
    return Answer.refused("4.03");
  }

  @Override
  protected Answer malformedAnswer() {
    return Answer.refused("4.00");
  }

  @Override
  protected Answer tooLargeAnswer() {
    return Answer.refused("4.13");
  }
}
