package dev.hearth.hub.gateway;

import dev.hearth.specs.wire.TopicKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everything the gateway's listeners and ingest need, with named defaults, checked when built: an
 * invalid value fails at start-up with a message that names it, never later on a device's message.
 *
 * @param host the address the listeners bind to
 * @param mqttPort the plain MQTT port; {@link #ANY_FREE_PORT} or {@link #DISABLED} allowed
 * @param mqttTls the MQTT-over-TLS listener, or null for none
 * @param coapPort the CoAP-over-DTLS port (UDP); {@link #ANY_FREE_PORT} or {@link #DISABLED}
 * @param maxMessageBytes the largest MQTT packet or CoAP request body accepted at all; larger ones
 *     end the connection (MQTT) or get 4.13 (CoAP). It is above every topic kind's payload limit so
 *     that a payload slightly over its kind's limit gets a clear {@code TOO_LARGE} refusal instead
 * @param receiveMaximum QoS1 messages an MQTT 5 device may have unacknowledged at once (announced
 *     in CONNACK); bounds what one connection can put in the ingest queue
 * @param connectTimeout how long a new connection may take to send CONNECT
 * @param rateLimit the per-device publish rate limit
 * @param groupCommit how messages are grouped into store transactions
 * @param commandExpirySweep how often queued commands past their expiry are marked expired
 */
public record GatewayConfig(
    String host,
    int mqttPort,
    MqttTls mqttTls,
    int coapPort,
    int maxMessageBytes,
    int receiveMaximum,
    Duration connectTimeout,
    RateLimit rateLimit,
    GroupCommitConfig groupCommit,
    Duration commandExpirySweep) {

  /** A port value meaning "no listener". */
  public static final int DISABLED = -1;

  /** A port value meaning "any free port" (tests; the bound port is reported after start). */
  public static final int ANY_FREE_PORT = 0;

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_MQTT_PORT = 1883;
  public static final int DEFAULT_MQTT_TLS_PORT = 8883;
  public static final int DEFAULT_COAP_PORT = 5684;
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024;
  public static final int DEFAULT_RECEIVE_MAXIMUM = 100;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_COMMAND_EXPIRY_SWEEP = Duration.ofSeconds(10);

  /** The smallest message size limit: the largest payload any kind allows plus room for headers. */
  public static final int MIN_MAX_MESSAGE_BYTES =
      Arrays.stream(TopicKind.values()).mapToInt(TopicKind::maxPayloadBytes).max().orElseThrow()
          + 1024;

  /** Anything larger would let one message hold megabytes of memory per connection. */
  public static final int MAX_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  public GatewayConfig {
    if (host == null || host.isBlank()) {
      throw new GatewayException("gateway host must not be blank");
    }
    checkPort("MQTT port", mqttPort);
    checkPort("CoAP port", coapPort);
    if (maxMessageBytes < MIN_MAX_MESSAGE_BYTES || maxMessageBytes > MAX_MAX_MESSAGE_BYTES) {
      throw new GatewayException(
          "maximum message size must be "
              + MIN_MAX_MESSAGE_BYTES
              + ".."
              + MAX_MAX_MESSAGE_BYTES
              + " bytes: "
              + maxMessageBytes);
    }
    if (receiveMaximum < 1 || receiveMaximum > 65_535) {
      throw new GatewayException("MQTT receive maximum must be 1..65535: " + receiveMaximum);
    }
    if (connectTimeout == null || connectTimeout.toSeconds() < 1) {
      throw new GatewayException("connect timeout must be at least 1 s: " + connectTimeout);
    }
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(groupCommit, "groupCommit");
    if (commandExpirySweep == null || commandExpirySweep.toMillis() < 10) {
      throw new GatewayException(
          "command expiry sweep must be at least 10 ms: " + commandExpirySweep);
    }
    if (mqttPort == DISABLED && mqttTls == null && coapPort == DISABLED) {
      throw new GatewayException("every gateway listener is disabled; devices could not connect");
    }
  }

  private static void checkPort(String what, int port) {
    if (port < DISABLED || port > 65_535) {
      throw new GatewayException(
          what + " must be 1..65535, " + ANY_FREE_PORT + " (any) or " + DISABLED + ": " + port);
    }
  }

  /**
   * The TLS listener for MQTT.
   *
   * @param port its port; {@link #ANY_FREE_PORT} allowed
   * @param keyPem the server's private key, PEM (PKCS#8 or PKCS#1)
   * @param certPem the server's certificate chain, PEM, leaf first
   */
  public record MqttTls(int port, Path keyPem, Path certPem) {
    public MqttTls {
      if (port < 0 || port > 65_535) {
        throw new GatewayException("MQTT TLS port must be 0..65535: " + port);
      }
      readable("TLS private key", keyPem);
      readable("TLS certificate", certPem);
    }

    private static void readable(String what, Path file) {
      if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new GatewayException(what + " file is missing or unreadable: " + file);
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from the defaults; {@link #build()} validates. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int mqttPort = DEFAULT_MQTT_PORT;
    private MqttTls mqttTls;
    private int coapPort = DEFAULT_COAP_PORT;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private int receiveMaximum = DEFAULT_RECEIVE_MAXIMUM;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private RateLimit rateLimit = RateLimit.defaults();
    private GroupCommitConfig groupCommit = GroupCommitConfig.defaults();
    private Duration commandExpirySweep = DEFAULT_COMMAND_EXPIRY_SWEEP;

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder mqttPort(int port) {
      this.mqttPort = port;
      return this;
    }

    /** Adds the TLS listener; see {@link MqttTls}. */
    public Builder mqttTls(int port, Path keyPem, Path certPem) {
      this.mqttTls = new MqttTls(port, keyPem, certPem);
      return this;
    }

    public Builder coapPort(int port) {
      this.coapPort = port;
      return this;
    }

    public Builder maxMessageBytes(int bytes) {
      this.maxMessageBytes = bytes;
      return this;
    }

    public Builder receiveMaximum(int messages) {
      this.receiveMaximum = messages;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    public Builder groupCommit(GroupCommitConfig groupCommit) {
      this.groupCommit = groupCommit;
      return this;
    }

    public Builder commandExpirySweep(Duration every) {
      this.commandExpirySweep = every;
      return this;
    }

    public GatewayConfig build() {
      return new GatewayConfig(
          host,
          mqttPort,
          mqttTls,
          coapPort,
          maxMessageBytes,
          receiveMaximum,
          connectTimeout,
          rateLimit,
          groupCommit,
          commandExpirySweep);
    }
  }
}
