package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.store.Telemetry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Time-series queries, downsampling and retention over {@code telemetry_samples}, {@code
 * telemetry_minutes}, {@code telemetry_batches} and {@code telemetry_latest}; {@link IngestWriter}
 * writes the samples.
 */
final class JdbcTelemetry implements Telemetry {

  static final long MINUTE_MILLIS = 60_000L;

  private final Db db;
  private final String downsample;

  JdbcTelemetry(Db db) {
    this.db = db;
    String bucket = "(ts / " + MINUTE_MILLIS + ") * " + MINUTE_MILLIS;
    this.downsample =
        db.dialect()
            .upsertFromQuery(
                "telemetry_minutes",
                List.of("device_id", "channel", "minute_ts"),
                List.of("min_val", "max_val", "avg_val", "sample_count"),
                "SELECT device_id, channel, "
                    + bucket
                    + ", MIN(val), MAX(val), AVG(val), COUNT(*) FROM telemetry_samples"
                    + " WHERE ts >= ? AND ts < ? GROUP BY device_id, channel, "
                    + bucket);
  }

  @Override
  public List<Point> raw(String deviceId, String channel, Instant from, Instant to, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    return db.list(
        "reading samples of " + deviceId + "/" + channel,
        "SELECT channel, ts, val FROM telemetry_samples"
            + " WHERE device_id = ? AND channel = ? AND ts >= ? AND ts < ? ORDER BY ts LIMIT ?",
        JdbcTelemetry::point,
        deviceId,
        channel,
        Db.bound(from),
        Db.bound(to),
        limit);
  }

  @Override
  public List<Aggregate> minutes(String deviceId, String channel, Instant from, Instant to) {
    return db.list(
        "reading minute aggregates of " + deviceId + "/" + channel,
        "SELECT channel, minute_ts, min_val, max_val, avg_val, sample_count FROM telemetry_minutes"
            + " WHERE device_id = ? AND channel = ? AND minute_ts >= ? AND minute_ts < ?"
            + " ORDER BY minute_ts",
        rs ->
            new Aggregate(
                rs.getString("channel"),
                Instant.ofEpochMilli(rs.getLong("minute_ts")),
                rs.getDouble("min_val"),
                rs.getDouble("max_val"),
                rs.getDouble("avg_val"),
                rs.getLong("sample_count")),
        deviceId,
        channel,
        Db.bound(from),
        Db.bound(to));
  }

  @Override
  public int downsample(Instant from, Instant to) {
    // Only whole minutes inside [from, to): a partial minute would be written with part of its
    // samples. Rewriting a minute from its samples gives the same row, so running twice (or
    // again after late samples arrived) is safe; minutes whose samples are purged keep their row.
    long start = Math.max(0, Db.bound(from));
    if (start % MINUTE_MILLIS != 0) {
      start += MINUTE_MILLIS - start % MINUTE_MILLIS;
    }
    long end = Math.floorDiv(Db.bound(to), MINUTE_MILLIS) * MINUTE_MILLIS;
    if (start >= end) {
      return 0;
    }
    return db.update("downsampling telemetry", downsample, start, end);
  }

  @Override
  public long purge(Instant rawBefore, Instant minutesBefore) {
    return db.inTransaction(
        "purging telemetry",
        c -> {
          long raw = Db.bound(rawBefore);
          long n = Db.update(c, "DELETE FROM telemetry_samples WHERE ts < ?", raw);
          // Batch seqs serve gap detection over the raw range only.
          n += Db.update(c, "DELETE FROM telemetry_batches WHERE first_ts < ?", raw);
          n +=
              Db.update(
                  c, "DELETE FROM telemetry_minutes WHERE minute_ts < ?", Db.bound(minutesBefore));
          return n;
        });
  }

  @Override
  public List<Gap> gaps(String deviceId, Instant from, Instant to) {
    return db.withConnection(
        "finding gaps of " + deviceId,
        c -> {
          Optional<Batch> previous =
              Db.one(
                  c,
                  "SELECT seq, first_ts, last_ts, dropped FROM telemetry_batches"
                      + " WHERE device_id = ? AND first_ts < ? ORDER BY first_ts DESC, seq DESC"
                      + " LIMIT 1",
                  JdbcTelemetry::batch,
                  deviceId,
                  Db.bound(from));
          List<Batch> batches = inRange(c, deviceId, from, to);
          List<Gap> gaps = new ArrayList<>();
          Batch prev =
              previous.filter(p -> batches.isEmpty() || p.seq < batches.get(0).seq).orElse(null);
          for (Batch cur : batches) {
            if (prev != null && cur.seq > prev.seq + 1) {
              gaps.add(new Gap(prev.seq + 1, cur.seq - 1, prev.end(), cur.start(), cur.dropped));
            } else if (cur.dropped > 0) {
              Instant after = prev == null ? cur.start() : prev.end();
              gaps.add(new Gap(cur.seq, cur.seq - 1, after, cur.start(), cur.dropped));
            }
            prev = cur;
          }
          return gaps;
        });
  }

  private static List<Batch> inRange(Connection c, String deviceId, Instant from, Instant to)
      throws SQLException {
    return Db.list(
        c,
        "SELECT seq, first_ts, last_ts, dropped FROM telemetry_batches"
            + " WHERE device_id = ? AND first_ts >= ? AND first_ts < ? ORDER BY seq",
        JdbcTelemetry::batch,
        deviceId,
        Db.bound(from),
        Db.bound(to));
  }

  @Override
  public List<Point> latest(String deviceId) {
    return db.list(
        "reading the latest samples of " + deviceId,
        "SELECT channel, ts, val FROM telemetry_latest WHERE device_id = ? ORDER BY channel",
        JdbcTelemetry::point,
        deviceId);
  }

  private static Point point(ResultSet rs) throws SQLException {
    return new Point(
        rs.getString("channel"), Instant.ofEpochMilli(rs.getLong("ts")), rs.getDouble("val"));
  }

  private static Batch batch(ResultSet rs) throws SQLException {
    return new Batch(
        rs.getLong("seq"), rs.getLong("first_ts"), rs.getLong("last_ts"), rs.getLong("dropped"));
  }

  /** A stored telemetry batch, as gap detection sees it. */
  private record Batch(long seq, long firstTs, long lastTs, long dropped) {
    Instant start() {
      return Instant.ofEpochMilli(firstTs);
    }

    Instant end() {
      return Instant.ofEpochMilli(lastTs);
    }
  }
}
