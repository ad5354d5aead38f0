package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.store.Events;
import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * Reads device events and latest state reports ({@code events}, {@code device_state}); {@link
 * IngestWriter} writes them.
 */
final class JdbcEvents implements Events {

  private static final String COLUMNS = "device_id, seq, ts, type, severity, message, json";

  private final Db db;

  JdbcEvents(Db db) {
    this.db = db;
  }

  @Override
  public Page<StoredEvent> of(String deviceId, PageRequest page) {
    // Newest first by the device's own sequence: ts may jump when its clock is set.
    long before =
        page.cursor() == null ? Long.MAX_VALUE : Cursor.decode(page.cursor(), 1).number(0);
    List<StoredEvent> rows =
        db.list(
            "listing events of " + deviceId,
            "SELECT "
                + COLUMNS
                + " FROM events WHERE device_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
            rs ->
                new StoredEvent(
                    rs.getString("device_id"),
                    rs.getLong("seq"),
                    rs.getLong("ts"),
                    rs.getString("type"),
                    rs.getString("severity"),
                    rs.getString("message"),
                    rs.getString("json")),
            deviceId,
            before,
            page.limit() + 1);
    return Cursor.page(rows, page, e -> Cursor.encode(e.seq()));
  }

  @Override
  public Optional<String> latestState(String deviceId) {
    return db.one(
        "reading the state of " + deviceId,
        "SELECT json FROM device_state WHERE device_id = ?",
        rs -> rs.getString(1),
        deviceId);
  }

  @Override
  public long highestSeq(String deviceId) {
    return db.one(
            "reading the highest event seq of " + deviceId,
            "SELECT MAX(seq) FROM events WHERE device_id = ?",
            rs -> rs.getLong(1),
            deviceId)
        .orElse(0L);
  }
}
