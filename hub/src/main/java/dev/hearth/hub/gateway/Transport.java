package dev.hearth.hub.gateway;

/** The device transports the gateway serves; named in logs and refusals. */
public enum Transport {
  MQTT("mqtt"),
  COAP("coap");

  private final String label;

  Transport(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
