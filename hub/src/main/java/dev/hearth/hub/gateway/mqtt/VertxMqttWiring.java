package dev.hearth.hub.gateway.mqtt;

import dev.hearth.hub.gateway.DeviceAuthenticator;
import dev.hearth.hub.gateway.DeviceCommands;
import dev.hearth.hub.gateway.DeviceIngest;
import dev.hearth.hub.gateway.GatewayConfig;

/**
 * What every MQTT session needs from the rest of the gateway.
 *
 * @param config the gateway's configuration
 * @param ingest where publishes go
 * @param authenticator checks CONNECT credentials
 * @param commands told when a device starts or stops listening for commands
 * @param sessions the current session of each device, for takeover
 */
record VertxMqttWiring(
    GatewayConfig config,
    DeviceIngest ingest,
    DeviceAuthenticator authenticator,
    DeviceCommands commands,
    VertxMqttSessions sessions) {}
