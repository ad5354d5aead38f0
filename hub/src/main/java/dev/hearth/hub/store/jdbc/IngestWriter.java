package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.store.CommandRecord.Status;
import dev.hearth.hub.store.IngestBatch;
import dev.hearth.hub.store.IngestBatch.CommandResultRow;
import dev.hearth.hub.store.IngestBatch.EventRow;
import dev.hearth.hub.store.IngestBatch.Sample;
import dev.hearth.hub.store.IngestBatch.StateRow;
import dev.hearth.hub.store.IngestBatch.StatusRow;
import dev.hearth.hub.store.IngestBatch.TelemetryRow;
import dev.hearth.hub.store.StoreException;
import dev.hearth.hub.store.jdbc.Dialect.SeqKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The ingest hot path: writes one {@link IngestBatch} in one transaction with JDBC batches and
 * returns once it is committed (durable).
 *
 * <p>Redeliveries are stored once: telemetry batches already stored (same device and seq) are
 * skipped with their samples, events go through insert-or-ignore, and the latest state and presence
 * only move forward in device time. Rows that update shared per-device rows are sorted by device,
 * so concurrent writers (several hub instances on PostgreSQL) lock in the same order and do not
 * deadlock; a writer that still loses a race is retried.
 */
final class IngestWriter {

  private static final int ATTEMPTS = 3;
  private static final int MAX_MESSAGE = 2000;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final Clock clock;
  private final boolean syncToDevice;
  private final String upsertLatest;
  private final String upsertState;

  /**
   * @param syncToDevice also force the committed data to the storage device (H2's {@code CHECKPOINT
   *     SYNC}); PostgreSQL does that itself on commit
   */
  IngestWriter(DataSource dataSource, Dialect dialect, Clock clock, boolean syncToDevice) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.clock = clock;
    this.syncToDevice = syncToDevice;
    this.upsertLatest =
        dialect.upsert(
            "telemetry_latest",
            List.of("device_id", "channel"),
            List.of("ts", "val"),
            "{new}.ts >= {old}.ts");
    this.upsertState =
        dialect.upsert(
            "device_state",
            List.of("device_id"),
            List.of("seq", "ts", "json"),
            "{new}.ts > {old}.ts OR ({new}.ts = {old}.ts AND {new}.seq >= {old}.seq)");
  }

  void commit(IngestBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          write(c, batch);
          c.commit();
        } catch (SQLException | RuntimeException e) {
          try {
            c.rollback();
          } catch (SQLException r) {
            e.addSuppressed(r);
          }
          throw e;
        }
        if (syncToDevice) {
          try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
          }
        }
        return;
      } catch (SQLException e) {
        if (attempt < ATTEMPTS && retryable(e)) {
          continue; // lost a race with another writer: the next attempt sees its rows
        }
        throw new StoreException(
            "committing an ingest batch failed (attempt " + attempt + "): " + e.getMessage(), e);
      }
    }
  }

  private void write(Connection c, IngestBatch batch) throws SQLException {
    long now = clock.millis();
    Set<String> seen = new TreeSet<>();
    writeTelemetry(c, batch.telemetry(), seen);
    writeEvents(c, batch.events(), now, seen);
    writeStates(c, batch.states(), seen);
    writeStatuses(c, batch.statuses(), seen);
    writeCommandResults(c, batch.commandResults(), seen);
    touch(c, seen, now);
  }

  private void writeTelemetry(Connection c, List<TelemetryRow> rows, Set<String> seen)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Map<SeqKey, TelemetryRow> unique = new TreeMap<>();
    for (TelemetryRow r : rows) {
      seen.add(r.deviceId());
      unique.putIfAbsent(new SeqKey(r.deviceId(), r.seq()), r);
    }
    unique.keySet().removeAll(dialect.existing(c, "telemetry_batches", unique.keySet()));
    if (unique.isEmpty()) {
      return;
    }
    Map<List<String>, Latest> latest = new TreeMap<>(IngestWriter::compareKeys);
    try (PreparedStatement batches =
            c.prepareStatement(
                "INSERT INTO telemetry_batches (device_id, seq, received_at, dropped,"
                    + " sample_count, first_ts, last_ts) VALUES (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement samples =
            c.prepareStatement(
                "INSERT INTO telemetry_samples (device_id, channel, ts, val) VALUES (?, ?, ?, ?)")) {
      for (TelemetryRow r : unique.values()) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int count = 0;
        for (Sample s : r.samples()) {
          first = Math.min(first, s.ts());
          last = Math.max(last, s.ts());
          for (Map.Entry<String, Double> v : s.values().entrySet()) {
            samples.setString(1, r.deviceId());
            samples.setString(2, v.getKey());
            samples.setLong(3, s.ts());
            samples.setDouble(4, v.getValue());
            samples.addBatch();
            count++;
            latest.merge(
                List.of(r.deviceId(), v.getKey()),
                new Latest(s.ts(), v.getValue()),
                (a, b) -> b.ts() >= a.ts() ? b : a);
          }
        }
        if (count == 0) {
          first = r.receivedAt();
          last = r.receivedAt();
        }
        batches.setString(1, r.deviceId());
        batches.setLong(2, r.seq());
        batches.setLong(3, r.receivedAt());
        batches.setLong(4, r.dropped());
        batches.setInt(5, count);
        batches.setLong(6, first);
        batches.setLong(7, last);
        batches.addBatch();
      }
      batches.executeBatch();
      samples.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(upsertLatest)) {
      for (Map.Entry<List<String>, Latest> e : latest.entrySet()) {
        ps.setString(1, e.getKey().get(0));
        ps.setString(2, e.getKey().get(1));
        ps.setLong(3, e.getValue().ts());
        ps.setDouble(4, e.getValue().value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeEvents(Connection c, List<EventRow> rows, long now, Set<String> seen)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Map<SeqKey, EventRow> unique = new TreeMap<>();
    for (EventRow e : rows) {
      seen.add(e.deviceId());
      unique.putIfAbsent(new SeqKey(e.deviceId(), e.seq()), e);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO events (device_id, seq, ts, type, severity, message, json, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (EventRow e : unique.values()) {
        ps.setString(1, e.deviceId());
        ps.setLong(2, e.seq());
        ps.setLong(3, e.ts());
        ps.setString(4, e.type());
        ps.setString(5, e.severity());
        ps.setString(6, e.message() == null ? "" : clip(e.message()));
        ps.setString(7, e.json());
        ps.setLong(8, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void writeStates(Connection c, List<StateRow> rows, Set<String> seen)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Map<String, StateRow> newest = new TreeMap<>();
    for (StateRow s : rows) {
      seen.add(s.deviceId());
      newest.merge(
          s.deviceId(),
          s,
          (a, b) -> b.ts() > a.ts() || b.ts() == a.ts() && b.seq() >= a.seq() ? b : a);
    }
    try (PreparedStatement ps = c.prepareStatement(upsertState)) {
      for (StateRow s : newest.values()) {
        ps.setString(1, s.deviceId());
        ps.setLong(2, s.seq());
        ps.setLong(3, s.ts());
        ps.setString(4, s.json());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeStatuses(Connection c, List<StatusRow> rows, Set<String> seen)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Map<String, StatusRow> newest = new TreeMap<>();
    for (StatusRow s : rows) {
      seen.add(s.deviceId());
      newest.merge(s.deviceId(), s, (a, b) -> b.ts() >= a.ts() ? b : a);
    }
    // A status only moves presence forward in device time, so a redelivered or late "online"
    // does not undo a newer "offline". Versions absent from a status (the last will) are kept.
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE devices SET presence = ?, presence_at = ?,"
                + " agent_version = COALESCE(?, agent_version),"
                + " firmware_name = COALESCE(?, firmware_name),"
                + " firmware_version = COALESCE(?, firmware_version)"
                + " WHERE id = ? AND (presence_at IS NULL OR presence_at <= ?)")) {
      for (StatusRow s : newest.values()) {
        ps.setString(1, s.presence());
        ps.setLong(2, s.ts());
        setText(ps, 3, s.agentVersion());
        setText(ps, 4, s.firmwareName());
        setText(ps, 5, s.firmwareVersion());
        ps.setString(6, s.deviceId());
        ps.setLong(7, s.ts());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeCommandResults(
      Connection c, List<CommandResultRow> rows, Set<String> seen) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    // A device completes only its own commands, and only once.
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE commands SET status = ?, message = ?, updated_at = ?"
                + " WHERE id = ? AND device_id = ? AND status IN "
                + JdbcCommands.OPEN)) {
      for (CommandResultRow r : rows) {
        seen.add(r.deviceId());
        Status status = outcome(r.outcome());
        String message =
            status == Status.ERROR && !"error".equalsIgnoreCase(r.outcome())
                ? "unknown outcome '" + r.outcome() + "': " + r.message()
                : r.message();
        ps.setString(1, status.name());
        setText(ps, 2, clip(message));
        ps.setLong(3, r.ts());
        ps.setString(4, r.commandId());
        ps.setString(5, r.deviceId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Records when the hub last heard from each device that sent something in this batch. */
  private static void touch(Connection c, Set<String> devices, long now) throws SQLException {
    if (devices.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE devices SET last_seen = ? WHERE id = ? AND (last_seen IS NULL OR last_seen < ?)")) {
      for (String id : devices) {
        ps.setLong(1, now);
        ps.setString(2, id);
        ps.setLong(3, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The stored status of a device's result: {@code ok}, {@code error} or {@code refused}. */
  static Status outcome(String wire) {
    if (wire != null) {
      switch (wire.toLowerCase(Locale.ROOT)) {
        case "ok":
          return Status.OK;
        case "refused":
          return Status.REFUSED;
        default:
          break;
      }
    }
    return Status.ERROR;
  }

  private static boolean retryable(SQLException e) {
    if (Db.isUniqueViolation(e)) {
      return true;
    }
    for (SQLException s = e; s != null; s = s.getNextException()) {
      String state = s.getSQLState();
      // serialization failure, deadlock detected (PostgreSQL), deadlock (H2)
      if ("40001".equals(state) || "40P01".equals(state)) {
        return true;
      }
    }
    return false;
  }

  private static String clip(String message) {
    if (message == null) {
      return null;
    }
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
  }

  private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  private static int compareKeys(List<String> a, List<String> b) {
    int d = a.get(0).compareTo(b.get(0));
    return d != 0 ? d : a.get(1).compareTo(b.get(1));
  }

  /** The newest sample of one channel in a batch. */
  private record Latest(long ts, double value) {}
}
