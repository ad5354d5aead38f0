package dev.hearth.hub.gateway.mqtt;

import dev.hearth.hub.gateway.contract.DeviceTransportContract;
import dev.hearth.hub.gateway.testing.Answer;
import dev.hearth.hub.gateway.testing.DeviceClient;
import dev.hearth.hub.gateway.testing.TestGateway;
import dev.hearth.hub.gateway.testing.TestGateway.DeviceCredentials;

/** The transport contract over MQTT 5: refusals are PUBACKs with a reason code. */
class Mqtt5TransportTest extends DeviceTransportContract {

  @Override
  protected DeviceClient connect(TestGateway hub, DeviceCredentials device) {
    return PahoDevice.connect(hub.mqttPort(), device);
  }

  @Override
  protected Answer forbiddenAnswer() {
    return Answer.refused("0x87"); // not authorized
  }

  @Override
  protected Answer malformedAnswer() {
    return Answer.refused("0x99"); // payload format invalid
  }

  @Override
  protected Answer tooLargeAnswer() {
    return Answer.refused("0x99");
  }
}
