package dev.hearth.bench.wire;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the idle sessions run; named defaults, checked when built.
 *
 * @param connectRate sessions opened per second
 * @param keepAlive the sessions' MQTT keep-alive; a PINGREQ goes out each interval, as Paho does
 * @param sessionExpiry MQTT 5 session expiry, as the agent asks for
 * @param hold how long every session stays up once all are ready
 * @param connectPatience how long to wait for every session to be ready
 * @param readyFile written (with the number of sessions) once all are ready, for a script that
 *     measures the broker then; {@code null} for none
 */
public record IdleConfig(
    int connectRate,
    Duration keepAlive,
    Duration sessionExpiry,
    Duration hold,
    Duration connectPatience,
    Path readyFile) {

  public static final int DEFAULT_CONNECT_RATE = 500;

  /** The agent's default keep-alive ({@code HubLinkConfig.DEFAULT_KEEP_ALIVE}). */
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);

  /** The agent's default session expiry ({@code HubLinkConfig.DEFAULT_SESSION_EXPIRY}). */
  public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofHours(1);

  public static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);
  public static final Duration DEFAULT_CONNECT_PATIENCE = Duration.ofMinutes(5);

  public IdleConfig {
    List<String> problems = new ArrayList<>();
    if (connectRate < 1) {
      problems.add("--connect-rate " + connectRate + " must be at least 1 a second");
    }
    if (keepAlive == null || keepAlive.toSeconds() < 5 || keepAlive.toSeconds() > 65_535) {
      problems.add("--keep-alive " + keepAlive + " must be 5 s to 65535 s");
    }
    if (sessionExpiry == null || sessionExpiry.isNegative()) {
      problems.add("session expiry " + sessionExpiry + " must be 0 s or more");
    }
    if (hold == null || hold.isNegative()) {
      problems.add("--hold " + hold + " must be 0 s or more");
    }
    if (connectPatience == null || connectPatience.isNegative() || connectPatience.isZero()) {
      problems.add("--connect-patience " + connectPatience + " must be longer than 0 s");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  public static IdleConfig defaults() {
    return new IdleConfig(
        DEFAULT_CONNECT_RATE,
        DEFAULT_KEEP_ALIVE,
        DEFAULT_SESSION_EXPIRY,
        DEFAULT_HOLD,
        DEFAULT_CONNECT_PATIENCE,
        null);
  }

  public IdleConfig withHold(Duration hold) {
    return new IdleConfig(connectRate, keepAlive, sessionExpiry, hold, connectPatience, readyFile);
  }

  public IdleConfig withConnectRate(int rate) {
    return new IdleConfig(rate, keepAlive, sessionExpiry, hold, connectPatience, readyFile);
  }

  public IdleConfig withReadyFile(Path file) {
    return new IdleConfig(connectRate, keepAlive, sessionExpiry, hold, connectPatience, file);
  }
}
