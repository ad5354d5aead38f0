package dev.hearth.hub.registry;

import dev.hearth.hub.limits.RateLimit;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * How the registry behaves. Build with {@link #builder()}: every setting has a named default except
 * where devices are told to connect ({@code mqttUri}), the root metadata file and the device key
 * file; {@link Builder#build()} refuses a setting out of range with a message naming it.
 *
 * @param mqttUri where enrolled devices connect over MQTT, e.g. {@code ssl://hub.example:8883}
 * @param coapUri where they may connect over CoAP/DTLS, e.g. {@code coaps://hub.example:5684}, or
 *     null when the hub serves no CoAP
 * @param rootFile the root metadata envelope handed to devices to pin
 * @param deviceKeyFile the hub's secret key for device PSKs, created when missing (see {@link
 *     DeviceKeyring})
 * @param pollAfter how long a pending device waits before asking again
 * @param claimCodeTtl how long an owner-issued claim code stays valid
 * @param credentialWindow how long issued credentials are repeated to a device that asks again
 * @param sessionTtl how long a login session lasts
 * @param argon2 owner password hashing cost
 * @param loginPerAccount login attempts per e-mail address
 * @param loginPerAddress login attempts per client address
 * @param enrollPerAddress enrollment requests per client address
 * @param claimPerOwner claim attempts per owner (a claim code is a short secret; guessing is slow)
 */
public record RegistryConfig(
    URI mqttUri,
    URI coapUri,
    Path rootFile,
    Path deviceKeyFile,
    Duration pollAfter,
    Duration claimCodeTtl,
    Duration credentialWindow,
    Duration sessionTtl,
    Argon2Params argon2,
    RateLimit loginPerAccount,
    RateLimit loginPerAddress,
    RateLimit enrollPerAddress,
    RateLimit claimPerOwner) {

  public static final Duration DEFAULT_POLL_AFTER = Duration.ofSeconds(5);
  public static final Duration DEFAULT_CLAIM_CODE_TTL = Duration.ofHours(24);
  public static final Duration DEFAULT_CREDENTIAL_WINDOW = Duration.ofMinutes(10);
  public static final Duration DEFAULT_SESSION_TTL = Duration.ofDays(14);
  public static final Argon2Params DEFAULT_ARGON2 = Argon2Params.OWASP;

  /** Ten tries, then one a minute: slows guessing to a crawl, barely noticed by a person. */
  public static final RateLimit DEFAULT_LOGIN_PER_ACCOUNT = RateLimit.of(10, Duration.ofMinutes(1));

  /** A household or office behind one address still logs in freely. */
  public static final RateLimit DEFAULT_LOGIN_PER_ADDRESS =
      RateLimit.of(30, Duration.ofSeconds(10));

  /** Agents poll every few seconds; a few dozen appliances behind one router stay well inside. */
  public static final RateLimit DEFAULT_ENROLL_PER_ADDRESS =
      RateLimit.of(60, Duration.ofSeconds(1));

  public static final RateLimit DEFAULT_CLAIM_PER_OWNER = RateLimit.of(10, Duration.ofMinutes(1));

  private static final Set<String> MQTT_SCHEMES = Set.of("tcp", "ssl", "mqtt", "mqtts");
  private static final Set<String> COAP_SCHEMES = Set.of("coap", "coaps");

  public RegistryConfig {
    requireUri(mqttUri, "mqttUri", MQTT_SCHEMES);
    if (coapUri != null) {
      requireUri(coapUri, "coapUri", COAP_SCHEMES);
    }
    required(rootFile, "rootFile (the root metadata file devices pin)");
    required(deviceKeyFile, "deviceKeyFile");
    requireBetween(pollAfter, "pollAfter", Duration.ofSeconds(1), Duration.ofMinutes(10));
    requireBetween(claimCodeTtl, "claimCodeTtl", Duration.ofMinutes(1), Duration.ofDays(30));
    requireBetween(
        credentialWindow, "credentialWindow", Duration.ofSeconds(10), Duration.ofHours(24));
    requireBetween(sessionTtl, "sessionTtl", Duration.ofMinutes(1), Duration.ofDays(365));
    required(argon2, "argon2");
    required(loginPerAccount, "loginPerAccount");
    required(loginPerAddress, "loginPerAddress");
    required(enrollPerAddress, "enrollPerAddress");
    required(claimPerOwner, "claimPerOwner");
  }

  private static void required(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  private static void requireUri(URI uri, String name, Set<String> schemes) {
    if (uri == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          name
              + " must be an absolute URI with a host and a scheme in "
              + schemes
              + ", got "
              + uri);
    }
  }

  private static void requireBetween(Duration value, String name, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RegistryConfig}, starting from the defaults. */
  public static final class Builder {
    private URI mqttUri;
    private URI coapUri;
    private Path rootFile;
    private Path deviceKeyFile;
    private Duration pollAfter = DEFAULT_POLL_AFTER;
    private Duration claimCodeTtl = DEFAULT_CLAIM_CODE_TTL;
    private Duration credentialWindow = DEFAULT_CREDENTIAL_WINDOW;
    private Duration sessionTtl = DEFAULT_SESSION_TTL;
    private Argon2Params argon2 = DEFAULT_ARGON2;
    private RateLimit loginPerAccount = DEFAULT_LOGIN_PER_ACCOUNT;
    private RateLimit loginPerAddress = DEFAULT_LOGIN_PER_ADDRESS;
    private RateLimit enrollPerAddress = DEFAULT_ENROLL_PER_ADDRESS;
    private RateLimit claimPerOwner = DEFAULT_CLAIM_PER_OWNER;

    private Builder() {}

    public Builder mqttUri(URI value) {
      this.mqttUri = value;
      return this;
    }

    public Builder coapUri(URI value) {
      this.coapUri = value;
      return this;
    }

    public Builder rootFile(Path value) {
      this.rootFile = value;
      return this;
    }

    public Builder deviceKeyFile(Path value) {
      this.deviceKeyFile = value;
      return this;
    }

    public Builder pollAfter(Duration value) {
      this.pollAfter = value;
      return this;
    }

    public Builder claimCodeTtl(Duration value) {
      this.claimCodeTtl = value;
      return this;
    }

    public Builder credentialWindow(Duration value) {
      this.credentialWindow = value;
      return this;
    }

    public Builder sessionTtl(Duration value) {
      this.sessionTtl = value;
      return this;
    }

    public Builder argon2(Argon2Params value) {
      this.argon2 = value;
      return this;
    }

    public Builder loginPerAccount(RateLimit value) {
      this.loginPerAccount = value;
      return this;
    }

    public Builder loginPerAddress(RateLimit value) {
      this.loginPerAddress = value;
      return this;
    }

    public Builder enrollPerAddress(RateLimit value) {
      this.enrollPerAddress = value;
      return this;
    }

    public Builder claimPerOwner(RateLimit value) {
      this.claimPerOwner = value;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException naming the first setting that is missing or out of range
     */
    public RegistryConfig build() {
      return new RegistryConfig(
          mqttUri,
          coapUri,
          rootFile,
          deviceKeyFile,
          pollAfter,
          claimCodeTtl,
          credentialWindow,
          sessionTtl,
          argon2,
          loginPerAccount,
          loginPerAddress,
          enrollPerAddress,
          claimPerOwner);
    }
  }
}
