package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.store.Alerts;
import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Alerts in {@code alerts}; the {@code alerts_open_once} constraint keeps one open alert per device
 * and rule even when two rule evaluations race.
 */
final class JdbcAlerts implements Alerts {

  private static final String COLUMNS =
      "a.id, a.device_id, a.rule, a.severity, a.message, a.raised_at, a.cleared_at";

  private final Db db;

  JdbcAlerts(Db db) {
    this.db = db;
  }

  @Override
  public Alert open(Alert alert) {
    String id = alert.id() == null ? UUID.randomUUID().toString() : alert.id();
    return db.inTransaction(
        "opening alert " + alert.rule() + " of " + alert.deviceId(),
        c -> {
          Db.update(
              c,
              "INSERT INTO alerts (id, device_id, rule, severity, message, raised_at, open_rule)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
              id,
              alert.deviceId(),
              alert.rule(),
              alert.severity(),
              alert.message() == null ? "" : alert.message(),
              alert.raisedAt().toEpochMilli(),
              alert.rule());
          return openAlert(c, alert.deviceId(), alert.rule())
              .orElseThrow(
                  () -> new SQLException("alert id " + id + " is taken", Db.UNIQUE_VIOLATION));
        });
  }

  @Override
  public Optional<Alert> clear(String deviceId, String rule, Instant at) {
    return db.inTransaction(
        "clearing alert " + rule + " of " + deviceId,
        c -> {
          Optional<Alert> open = openAlert(c, deviceId, rule);
          if (open.isEmpty()) {
            return open;
          }
          Alert a = open.get();
          int cleared =
              Db.update(
                  c,
                  "UPDATE alerts SET cleared_at = ?, open_rule = NULL"
                      + " WHERE id = ? AND open_rule IS NOT NULL",
                  at.toEpochMilli(),
                  a.id());
          if (cleared == 0) {
            return Optional.<Alert>empty(); // cleared meanwhile by another caller
          }
          return Optional.of(
              new Alert(
                  a.id(), a.deviceId(), a.rule(), a.severity(), a.message(), a.raisedAt(), at));
        });
  }

  @Override
  public Page<Alert> of(String deviceId, boolean openOnly, PageRequest page) {
    return list("FROM alerts a WHERE a.device_id = ?", deviceId, openOnly, page);
  }

  @Override
  public Page<Alert> ofOwner(String ownerId, boolean openOnly, PageRequest page) {
    return list(
        "FROM alerts a JOIN devices d ON d.id = a.device_id WHERE d.owner_id = ?",
        ownerId,
        openOnly,
        page);
  }

  private Page<Alert> list(String from, String who, boolean openOnly, PageRequest page) {
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(' ').append(from);
    List<Object> params = new ArrayList<>();
    params.add(who);
    if (openOnly) {
      sql.append(" AND a.open_rule IS NOT NULL");
    }
    if (page.cursor() != null) {
      Cursor cursor = Cursor.decode(page.cursor(), 2);
      sql.append(" AND (a.raised_at, a.id) < (?, ?)");
      params.add(cursor.number(0));
      params.add(cursor.text(1));
    }
    sql.append(" ORDER BY a.raised_at DESC, a.id DESC LIMIT ?");
    params.add(page.limit() + 1);
    List<Alert> rows = db.list("listing alerts", sql.toString(), JdbcAlerts::map, params.toArray());
    return Cursor.page(rows, page, a -> Cursor.encode(a.raisedAt().toEpochMilli(), a.id()));
  }

  private static Optional<Alert> openAlert(Connection c, String deviceId, String rule)
      throws SQLException {
    return Db.one(
        c,
        "SELECT " + COLUMNS + " FROM alerts a WHERE a.device_id = ? AND a.open_rule = ?",
        JdbcAlerts::map,
        deviceId,
        rule);
  }

  private static Alert map(ResultSet rs) throws SQLException {
    return new Alert(
        rs.getString("id"),
        rs.getString("device_id"),
        rs.getString("rule"),
        rs.getString("severity"),
        rs.getString("message"),
        Instant.ofEpochMilli(rs.getLong("raised_at")),
        Db.instant(rs, "cleared_at"));
  }
}
