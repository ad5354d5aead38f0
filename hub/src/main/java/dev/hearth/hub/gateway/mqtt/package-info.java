/**
 * The MQTT endpoint on vertx-mqtt (MQTT 3.1.1 and 5, plain and TLS): one {@code VertxMqttSession}
 * per connection, answering refusals as {@code VertxMqttReply} documents per protocol version.
 */
package dev.hearth.hub.gateway.mqtt;
