package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Devices;
import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Devices, their credential hashes and owner-issued claim codes, in {@code devices}, {@code
 * device_credentials} and {@code claim_codes}.
 */
final class JdbcDevices implements Devices {

  static final String DEFAULT_CHANNEL = "stable";
  static final String OFFLINE = "offline";

  private static final String COLUMNS =
      "id, hardware_id, profile, owner_id, state, claim_code, name, channel, presence, last_seen,"
          + " agent_version, firmware_name, firmware_version, created_at";

  private final Db db;
  private final Clock clock;
  private final String upsertCredentials;

  JdbcDevices(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.upsertCredentials =
        db.dialect()
            .upsert(
                "device_credentials",
                List.of("device_id"),
                List.of("password_hash", "psk_hash", "issued_at"),
                null);
  }

  @Override
  public Device register(
      String id, String hardwareId, String profile, String claimCode, Instant now) {
    return db.inTransaction(
        "registering device " + id,
        c -> {
          Optional<Device> existing = existing(c, id, claimCode);
          if (existing.isPresent()) {
            return existing.get();
          }
          int inserted =
              Db.update(
                  c,
                  "INSERT INTO devices (id, hardware_id, profile, state, claim_code, channel,"
                      + " presence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT DO NOTHING",
                  id,
                  hardwareId,
                  profile,
                  Device.State.PENDING.name(),
                  claimCode,
                  DEFAULT_CHANNEL,
                  OFFLINE,
                  now.toEpochMilli());
          if (inserted == 0) {
            // Another enrollment took the id or the code between our look-up and our insert.
            return existing(c, id, claimCode)
                .orElseThrow(() -> new SQLException("device " + id + " vanished while enrolling"));
          }
          return byColumn(c, "id", id).orElseThrow();
        });
  }

  /** The device holding this claim code, else the one holding this id. */
  private static Optional<Device> existing(Connection c, String id, String claimCode)
      throws SQLException {
    Optional<Device> byCode = byColumn(c, "claim_code", claimCode);
    return byCode.isPresent() ? byCode : byColumn(c, "id", id);
  }

  @Override
  public Optional<Device> find(String deviceId) {
    return db.withConnection("finding device " + deviceId, c -> byColumn(c, "id", deviceId));
  }

  @Override
  public Optional<Device> findByClaimCode(String claimCode) {
    return db.withConnection(
        "finding a device by claim code", c -> byColumn(c, "claim_code", claimCode));
  }

  @Override
  public Page<Device> ownedBy(String ownerId, PageRequest page) {
    // Unnamed devices sort by an empty name, i.e. first, then by id.
    String sortName = "COALESCE(name, '')";
    String sql;
    Object[] params;
    if (page.cursor() == null) {
      sql =
          "SELECT "
              + COLUMNS
              + " FROM devices WHERE owner_id = ? ORDER BY "
              + sortName
              + ", id LIMIT ?";
      params = new Object[] {ownerId, page.limit() + 1};
    } else {
      Cursor cursor = Cursor.decode(page.cursor(), 2);
      sql =
          "SELECT "
              + COLUMNS
              + " FROM devices WHERE owner_id = ? AND ("
              + sortName
              + ", id) > (?, ?) ORDER BY "
              + sortName
              + ", id LIMIT ?";
      params = new Object[] {ownerId, cursor.text(0), cursor.text(1), page.limit() + 1};
    }
    List<Device> rows = db.list("listing devices of " + ownerId, sql, JdbcDevices::map, params);
    return Cursor.page(rows, page, d -> Cursor.encode(d.name() == null ? "" : d.name(), d.id()));
  }

  @Override
  public Page<Device> active(PageRequest page) {
    String after = page.cursor() == null ? "" : Cursor.decode(page.cursor(), 1).text(0);
    List<Device> rows =
        db.list(
            "listing active devices",
            "SELECT " + COLUMNS + " FROM devices WHERE state = ? AND id > ? ORDER BY id LIMIT ?",
            JdbcDevices::map,
            Device.State.ACTIVE.name(),
            after,
            page.limit() + 1);
    return Cursor.page(rows, page, d -> Cursor.encode(d.id()));
  }

  @Override
  public boolean claim(
      String deviceId, String ownerId, String passwordHash, String pskHash, Instant now) {
    return db.inTransaction(
        "claiming device " + deviceId,
        c -> {
          int claimed =
              Db.update(
                  c,
                  "UPDATE devices SET owner_id = ?, state = ?, claimed_at = ?"
                      + " WHERE id = ? AND state = ?",
                  ownerId,
                  Device.State.ACTIVE.name(),
                  now.toEpochMilli(),
                  deviceId,
                  Device.State.PENDING.name());
          if (claimed == 0) {
            return false;
          }
          Db.update(
              c, upsertCredentials, deviceId, passwordHash, Db.text(pskHash), now.toEpochMilli());
          return true;
        });
  }

  @Override
  public Optional<String> passwordHash(String deviceId) {
    return credential("password_hash", deviceId);
  }

  @Override
  public Optional<String> pskHash(String deviceId) {
    return credential("psk_hash", deviceId);
  }

  private Optional<String> credential(String column, String deviceId) {
    return db.one(
        "reading the credentials of " + deviceId,
        "SELECT k."
            + column
            + " FROM device_credentials k JOIN devices d ON d.id = k.device_id"
            + " WHERE d.id = ? AND d.state = ?",
        rs -> rs.getString(1),
        deviceId,
        Device.State.ACTIVE.name());
  }

  @Override
  public void rename(String deviceId, String name) {
    db.update(
        "renaming device " + deviceId,
        "UPDATE devices SET name = ? WHERE id = ?",
        Db.text(name),
        deviceId);
  }

  @Override
  public void setChannel(String deviceId, String channel) {
    db.update(
        "setting the channel of " + deviceId,
        "UPDATE devices SET channel = ? WHERE id = ?",
        channel,
        deviceId);
  }

  @Override
  public void revoke(String deviceId) {
    db.update(
        "revoking device " + deviceId,
        "UPDATE devices SET state = ? WHERE id = ?",
        Device.State.REVOKED.name(),
        deviceId);
  }

  @Override
  public void issueClaimCode(String code, String ownerId, Instant expiresAt) {
    db.update(
        "issuing a claim code for " + ownerId,
        "INSERT INTO claim_codes (code, owner_id, expires_at) VALUES (?, ?, ?)",
        code,
        ownerId,
        expiresAt.toEpochMilli());
  }

  @Override
  public Optional<String> claimCodeOwner(String code, Instant now) {
    return db.one(
        "looking up a claim code",
        "SELECT owner_id FROM claim_codes WHERE code = ? AND used_at IS NULL AND expires_at > ?",
        rs -> rs.getString(1),
        code,
        now.toEpochMilli());
  }

  @Override
  public void useClaimCode(String code) {
    db.update(
        "using a claim code",
        "UPDATE claim_codes SET used_at = ? WHERE code = ? AND used_at IS NULL",
        clock.millis(),
        code);
  }

  @Override
  public Optional<String> redeemClaimCode(String code, Instant now) {
    return db.inTransaction(
        "redeeming a claim code",
        c -> {
          // The conditional update is the lock: of two enrollments racing for one code, only
          // the one whose update changed the row gets the owner.
          int used =
              Db.update(
                  c,
                  "UPDATE claim_codes SET used_at = ?"
                      + " WHERE code = ? AND used_at IS NULL AND expires_at > ?",
                  now.toEpochMilli(),
                  code,
                  now.toEpochMilli());
          if (used == 0) {
            return Optional.<String>empty();
          }
          return Db.one(
              c, "SELECT owner_id FROM claim_codes WHERE code = ?", rs -> rs.getString(1), code);
        });
  }

  private static Optional<Device> byColumn(Connection c, String column, String value)
      throws SQLException {
    return Db.one(
        c, "SELECT " + COLUMNS + " FROM devices WHERE " + column + " = ?", JdbcDevices::map, value);
  }

  static Device map(ResultSet rs) throws SQLException {
    return new Device(
        rs.getString("id"),
        rs.getString("hardware_id"),
        rs.getString("profile"),
        rs.getString("owner_id"),
        Device.State.valueOf(rs.getString("state")),
        rs.getString("claim_code"),
        rs.getString("name"),
        rs.getString("channel"),
        rs.getString("presence"),
        Db.instant(rs, "last_seen"),
        rs.getString("agent_version"),
        rs.getString("firmware_name"),
        rs.getString("firmware_version"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
