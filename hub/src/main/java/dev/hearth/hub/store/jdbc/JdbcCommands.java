package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.store.CommandRecord;
import dev.hearth.hub.store.CommandRecord.Status;
import dev.hearth.hub.store.Commands;
import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Commands to devices and what became of them, in {@code commands}. */
final class JdbcCommands implements Commands {

  private static final String COLUMNS =
      "id, device_id, name, args_json, requested_by, created_at, expires_at, status, message,"
          + " updated_at";

  /** Statuses a result may still replace; the others are final. */
  static final String OPEN = "('" + Status.QUEUED.name() + "', '" + Status.SENT.name() + "')";

  private final Db db;

  JdbcCommands(Db db) {
    this.db = db;
  }

  @Override
  public void enqueue(CommandRecord command) {
    Instant created = command.createdAt();
    Status status = command.status() == null ? Status.QUEUED : command.status();
    db.update(
        "queueing command " + command.id(),
        "INSERT INTO commands (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        command.id(),
        command.deviceId(),
        command.name(),
        command.argsJson() == null ? "{}" : command.argsJson(),
        Db.text(command.requestedBy()),
        created.toEpochMilli(),
        command.expiresAt().toEpochMilli(),
        status.name(),
        Db.text(command.message()),
        (command.updatedAt() == null ? created : command.updatedAt()).toEpochMilli());
  }

  @Override
  public List<CommandRecord> pending(String deviceId, Instant now) {
    return db.list(
        "listing pending commands of " + deviceId,
        "SELECT "
            + COLUMNS
            + " FROM commands WHERE device_id = ? AND status = ? AND expires_at > ?"
            + " ORDER BY created_at, queued_seq",
        JdbcCommands::map,
        deviceId,
        Status.QUEUED.name(),
        now.toEpochMilli());
  }

  @Override
  public void markSent(String commandId, Instant at) {
    db.update(
        "marking command " + commandId + " sent",
        "UPDATE commands SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
        Status.SENT.name(),
        at.toEpochMilli(),
        commandId,
        Status.QUEUED.name());
  }

  @Override
  public void complete(String commandId, Status status, String message, Instant at) {
    // A command ends once: a late or repeated result does not overwrite the first outcome.
    db.update(
        "completing command " + commandId,
        "UPDATE commands SET status = ?, message = ?, updated_at = ? WHERE id = ? AND status IN "
            + OPEN,
        status.name(),
        Db.text(message),
        at.toEpochMilli(),
        commandId);
  }

  @Override
  public int expire(Instant now) {
    return db.update(
        "expiring commands",
        "UPDATE commands SET status = ?, message = ?, updated_at = ?"
            + " WHERE status = ? AND expires_at <= ?",
        Status.EXPIRED.name(),
        "expired before it could be delivered",
        now.toEpochMilli(),
        Status.QUEUED.name(),
        now.toEpochMilli());
  }

  @Override
  public Optional<CommandRecord> find(String commandId) {
    return db.one(
        "finding command " + commandId,
        "SELECT " + COLUMNS + " FROM commands WHERE id = ?",
        JdbcCommands::map,
        commandId);
  }

  @Override
  public Page<CommandRecord> of(String deviceId, PageRequest page) {
    String sql = "SELECT " + COLUMNS + " FROM commands WHERE device_id = ?";
    Object[] params;
    if (page.cursor() == null) {
      params = new Object[] {deviceId, page.limit() + 1};
    } else {
      Cursor cursor = Cursor.decode(page.cursor(), 2);
      sql += " AND (created_at, id) < (?, ?)";
      params = new Object[] {deviceId, cursor.number(0), cursor.text(1), page.limit() + 1};
    }
    sql += " ORDER BY created_at DESC, id DESC LIMIT ?";
    List<CommandRecord> rows =
        db.list("listing commands of " + deviceId, sql, JdbcCommands::map, params);
    return Cursor.page(rows, page, r -> Cursor.encode(r.createdAt().toEpochMilli(), r.id()));
  }

  private static CommandRecord map(ResultSet rs) throws SQLException {
    return new CommandRecord(
        rs.getString("id"),
        rs.getString("device_id"),
        rs.getString("name"),
        rs.getString("args_json"),
        rs.getString("requested_by"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("expires_at")),
        Status.valueOf(rs.getString("status")),
        rs.getString("message"),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
