package dev.hearth.hub.gateway.mqtt;

import dev.hearth.hub.gateway.contract.DeviceTransportContract;
import dev.hearth.hub.gateway.testing.Answer;
import dev.hearth.hub.gateway.testing.DeviceClient;
import dev.hearth.hub.gateway.testing.TestGateway;
import dev.hearth.hub.gateway.testing.TestGateway.DeviceCredentials;

/**
 * The transport contract over MQTT 3.1.1, which has no negative PUBACK: a forbidden publish closes
 * the connection (a PUBACK would claim it was stored); a bad payload is acknowledged after being
 * refused and logged, since the wire chapter forbids disconnecting over one.
 */
class Mqtt311TransportTest extends DeviceTransportContract {

  @Override
  protected DeviceClient connect(TestGateway hub, DeviceCredentials device) {
    return VertxMqtt311Device.connect(hub.mqttPort(), device);
  }

  @Override
  protected Answer forbiddenAnswer() {
    return Answer.CLOSED;
  }

  @Override
  protected Answer malformedAnswer() {
    return Answer.ACKED;
  }

  @Override
  protected Answer tooLargeAnswer() {
    return Answer.ACKED;
  }
}
