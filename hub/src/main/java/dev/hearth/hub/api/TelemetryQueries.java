package dev.hearth.hub.api;

import dev.hearth.hub.store.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Time-series reads for charts. The resolution follows the range: up to {@link
 * ApiConfig#rawTelemetryRange()} (one hour by default) raw samples, capped at {@link
 * ApiConfig#rawPointLimit()}; longer ranges, up to {@link ApiConfig#maxTelemetryRange()}, minute
 * aggregates (min, max, mean, count), which a month of fits in 44,640 rows.
 */
public final class TelemetryQueries {

  private final Telemetry telemetry;
  private final ApiConfig config;

  public TelemetryQueries(Telemetry telemetry, ApiConfig config) {
    this.telemetry = telemetry;
    this.config = config;
  }

  /** Which resolution answers a range of {@code length}. */
  public Resolution resolutionFor(Duration length) {
    return length.compareTo(config.rawTelemetryRange()) <= 0 ? Resolution.RAW : Resolution.MINUTE;
  }

  /**
   * One channel of one device in {@code [from, to)}.
   *
   * @throws ApiException when the range is empty, reversed or too long
   */
  public Series read(String deviceId, String channel, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw ApiException.invalidField("?from", "must be before 'to'");
    }
    Duration length = Duration.between(from, to);
    if (length.compareTo(config.maxTelemetryRange()) > 0) {
      throw ApiException.invalidField(
          "?from", "the range may span at most " + config.maxTelemetryRange().toDays() + " days");
    }
    if (resolutionFor(length) == Resolution.RAW) {
      // One more than the cap tells whether the answer was cut short.
      List<Telemetry.Point> points =
          telemetry.raw(deviceId, channel, from, to, config.rawPointLimit() + 1);
      boolean truncated = points.size() > config.rawPointLimit();
      return new Series(
          Resolution.RAW,
          truncated ? points.subList(0, config.rawPointLimit()) : points,
          List.of(),
          truncated);
    }
    return new Series(
        Resolution.MINUTE, List.of(), telemetry.minutes(deviceId, channel, from, to), false);
  }

  /** How finely a series is sampled. */
  public enum Resolution {
    RAW,
    MINUTE
  }

  /**
   * A series: raw points or minute aggregates, depending on {@code resolution}.
   *
   * @param resolution which of the two lists is filled
   * @param points raw samples, oldest first
   * @param minutes minute aggregates, oldest first
   * @param truncated true when more raw samples exist than were returned
   */
  public record Series(
      Resolution resolution,
      List<Telemetry.Point> points,
      List<Telemetry.Aggregate> minutes,
      boolean truncated) {}
}
