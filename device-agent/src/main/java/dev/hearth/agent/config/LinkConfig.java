package dev.hearth.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Section {@code link}: the MQTT session to the hub. The broker's address and the credentials come
 * from enrollment; this section says how to keep the session.
 *
 * @param keepalive {@code link.keepalive}: MQTT keep-alive interval
 * @param reconnect {@code link.reconnect}: backoff between reconnection attempts
 * @param outboxBytes {@code link.outboxBytes}: bound of the on-disk queue that holds telemetry and
 *     events while offline
 * @param tls {@code link.tls}: how the hub's certificate is checked
 * @param telemetryQos {@code link.telemetryQos}: MQTT QoS of {@code telemetry}, 0 or 1
 */
public record LinkConfig(
    Duration keepalive, Reconnect reconnect, long outboxBytes, Tls tls, int telemetryQos) {

  public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(30);
  public static final long MIN_KEEPALIVE_SECONDS = 5;
  public static final long MAX_KEEPALIVE_SECONDS = 3600;

  /** 8 MiB: about a day of 1 Hz telemetry for a washer. */
  public static final long DEFAULT_OUTBOX_BYTES = 8L << 20;

  public static final long MIN_OUTBOX_BYTES = 64L << 10;
  public static final long MAX_OUTBOX_BYTES = 1L << 30;
  public static final int DEFAULT_TELEMETRY_QOS = 1;

  public static final LinkConfig DEFAULTS =
      new LinkConfig(
          DEFAULT_KEEPALIVE,
          Reconnect.DEFAULTS,
          DEFAULT_OUTBOX_BYTES,
          Tls.DEFAULTS,
          DEFAULT_TELEMETRY_QOS);

  public LinkConfig {
    new Violations()
        .seconds("link.keepalive", keepalive, MIN_KEEPALIVE_SECONDS, MAX_KEEPALIVE_SECONDS)
        .present("link.reconnect", reconnect)
        .check(
            outboxBytes >= MIN_OUTBOX_BYTES && outboxBytes <= MAX_OUTBOX_BYTES,
            "link.outboxBytes",
            ByteSizes.format(outboxBytes)
                + " — must be "
                + ByteSizes.format(MIN_OUTBOX_BYTES)
                + ".."
                + ByteSizes.format(MAX_OUTBOX_BYTES)
                + ", e.g. 8 MiB")
        .present("link.tls", tls)
        .check(
            telemetryQos == 0 || telemetryQos == 1,
            "link.telemetryQos",
            telemetryQos + " — must be 0 or 1 (QoS 2 is never used)")
        .throwIfAny();
  }

  /**
   * Section {@code link.reconnect}: exponential backoff with jitter between {@code min} and {@code
   * max}.
   *
   * @param min {@code link.reconnect.min}: the first wait
   * @param max {@code link.reconnect.max}: the longest wait
   */
  public record Reconnect(Duration min, Duration max) {

    public static final Duration DEFAULT_MIN = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX = Duration.ofSeconds(120);
    public static final Reconnect DEFAULTS = new Reconnect(DEFAULT_MIN, DEFAULT_MAX);

    public Reconnect {
      Violations v =
          new Violations()
              .seconds("link.reconnect.min", min, 1, 3600)
              .seconds("link.reconnect.max", max, 1, 86_400);
      if (min != null && max != null) {
        v.check(
            max.compareTo(min) >= 0,
            "link.reconnect.max",
            max.toSeconds()
                + " — must be at least link.reconnect.min ("
                + min.toSeconds()
                + " seconds)");
      }
      v.throwIfAny();
    }
  }

  /**
   * Section {@code link.tls}: how the hub's certificate is checked, for MQTT over TLS and for HTTPS
   * enrollment alike.
   *
   * @param caFile {@code link.tls.caFile}: PEM file with the certificate authorities to trust
   *     instead of the system's; empty to use the system's (Debian's {@code ca-certificates})
   */
  public record Tls(Optional<Path> caFile) {

    public static final Tls DEFAULTS = new Tls(Optional.empty());

    public Tls {
      Objects.requireNonNull(caFile, "caFile");
      new Violations()
          .check(
              caFile.map(Path::isAbsolute).orElse(true),
              "link.tls.caFile",
              caFile.map(Path::toString).orElse("") + " — must be an absolute path")
          .throwIfAny();
    }
  }
}
