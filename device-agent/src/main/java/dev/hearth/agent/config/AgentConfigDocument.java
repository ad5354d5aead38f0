package dev.hearth.agent.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The authored shape of {@code agent.yaml}. Binding it catches unknown keys (typos) with their
 * location; leaves stay JSON nodes so that {@link AgentConfigLoader} can say in its own words what
 * a bad value should look like.
 */
record AgentConfigDocument(
    JsonNode profile,
    HardwareDoc hardware,
    JsonNode stateDir,
    HubDoc hub,
    LinkDoc link,
    LocalDoc local,
    LogDoc log) {

  record HardwareDoc(JsonNode provider, SimulateDoc simulate) {}

  record SimulateDoc(JsonNode seed) {}

  record HubDoc(JsonNode url) {}

  record LinkDoc(
      JsonNode keepalive,
      ReconnectDoc reconnect,
      JsonNode outboxBytes,
      TlsDoc tls,
      JsonNode telemetryQos) {}

  record ReconnectDoc(JsonNode min, JsonNode max) {}

  record TlsDoc(JsonNode caFile) {}

  record LocalDoc(CoapDoc coap) {}

  record CoapDoc(JsonNode enabled, JsonNode bind, JsonNode port) {}

  record LogDoc(JsonNode level) {}

  /** Pointers of the sections, which must be maps of keys when present. */
  static final String[] SECTIONS = {
    "/hardware",
    "/hardware/simulate",
    "/hub",
    "/link",
    "/link/reconnect",
    "/link/tls",
    "/local",
    "/local/coap",
    "/log"
  };
}
