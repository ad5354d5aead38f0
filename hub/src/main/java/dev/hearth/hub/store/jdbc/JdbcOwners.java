package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.Owners;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts, their roles and their sessions, in {@code owners}, {@code owner_roles}, {@code
 * sessions}.
 */
final class JdbcOwners implements Owners {

  private static final String COLUMNS =
      "id, email, display_name, password_hash, time_zone, created_at";

  private final Db db;

  JdbcOwners(Db db) {
    this.db = db;
  }

  @Override
  public Optional<Owner> create(Owner owner) {
    String email = normalise(owner.email());
    // The store keeps milliseconds: return what a later find returns.
    Instant created = Instant.ofEpochMilli(owner.createdAt().toEpochMilli());
    return db.inTransaction(
        "creating owner " + owner.id(),
        c -> {
          int inserted =
              Db.update(
                  c,
                  "INSERT INTO owners ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                  owner.id(),
                  email,
                  owner.displayName(),
                  owner.passwordHash(),
                  owner.timeZone(),
                  created.toEpochMilli());
          if (inserted == 0) {
            if (findByEmail(c, email).isPresent()) {
              return Optional.<Owner>empty();
            }
            throw new SQLException("owner id " + owner.id() + " is taken", Db.UNIQUE_VIOLATION);
          }
          insertRoles(c, owner.id(), owner.roles());
          return Optional.of(
              new Owner(
                  owner.id(),
                  email,
                  owner.displayName(),
                  owner.passwordHash(),
                  owner.roles(),
                  owner.timeZone(),
                  created));
        });
  }

  @Override
  public Optional<Owner> find(String ownerId) {
    return db.withConnection(
        "finding owner " + ownerId, c -> withRoles(c, byColumn(c, "id", ownerId)));
  }

  @Override
  public Optional<Owner> findByEmail(String email) {
    return db.withConnection(
        "finding owner by e-mail", c -> withRoles(c, findByEmail(c, normalise(email))));
  }

  @Override
  public void updatePassword(String ownerId, String passwordHash) {
    db.update(
        "updating password of " + ownerId,
        "UPDATE owners SET password_hash = ? WHERE id = ?",
        passwordHash,
        ownerId);
  }

  @Override
  public boolean setRoles(String ownerId, Set<Owner.Role> roles) {
    return db.inTransaction(
        "setting roles of " + ownerId,
        c -> {
          if (Db.one(c, "SELECT id FROM owners WHERE id = ? FOR UPDATE", rs -> true, ownerId)
              .isEmpty()) {
            return false;
          }
          Db.update(c, "DELETE FROM owner_roles WHERE owner_id = ?", ownerId);
          insertRoles(c, ownerId, roles);
          return true;
        });
  }

  @Override
  public void createSession(String tokenHash, String ownerId, Instant expiresAt) {
    db.update(
        "creating a session for " + ownerId,
        "INSERT INTO sessions (token_hash, owner_id, expires_at) VALUES (?, ?, ?)",
        tokenHash,
        ownerId,
        expiresAt.toEpochMilli());
  }

  @Override
  public Optional<String> sessionOwner(String tokenHash, Instant now) {
    return db.one(
        "looking up a session",
        "SELECT owner_id FROM sessions WHERE token_hash = ? AND expires_at > ?",
        rs -> rs.getString(1),
        tokenHash,
        now.toEpochMilli());
  }

  @Override
  public void deleteSession(String tokenHash) {
    db.update("deleting a session", "DELETE FROM sessions WHERE token_hash = ?", tokenHash);
  }

  @Override
  public int deleteSessionsOf(String ownerId) {
    return db.update(
        "deleting the sessions of " + ownerId, "DELETE FROM sessions WHERE owner_id = ?", ownerId);
  }

  @Override
  public int purgeSessions(Instant now) {
    return db.update(
        "purging expired sessions",
        "DELETE FROM sessions WHERE expires_at <= ?",
        now.toEpochMilli());
  }

  private static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  private static Optional<Owner> findByEmail(Connection c, String email) throws SQLException {
    return byColumn(c, "email", email);
  }

  private static Optional<Owner> byColumn(Connection c, String column, String value)
      throws SQLException {
    return Db.one(
        c,
        "SELECT " + COLUMNS + " FROM owners WHERE " + column + " = ?",
        rs ->
            new Owner(
                rs.getString("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                Set.of(),
                rs.getString("time_zone"),
                Instant.ofEpochMilli(rs.getLong("created_at"))),
        value);
  }

  private static Optional<Owner> withRoles(Connection c, Optional<Owner> found)
      throws SQLException {
    if (found.isEmpty()) {
      return found;
    }
    Owner o = found.get();
    List<Owner.Role> roles =
        Db.list(
            c,
            "SELECT role FROM owner_roles WHERE owner_id = ?",
            rs -> Owner.Role.valueOf(rs.getString(1)),
            o.id());
    Set<Owner.Role> set = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    return Optional.of(
        new Owner(
            o.id(),
            o.email(),
            o.displayName(),
            o.passwordHash(),
            set,
            o.timeZone(),
            o.createdAt()));
  }

  private static void insertRoles(Connection c, String ownerId, Set<Owner.Role> roles)
      throws SQLException {
    if (roles.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO owner_roles (owner_id, role) VALUES (?, ?)")) {
      for (Owner.Role role : roles) {
        ps.setString(1, ownerId);
        ps.setString(2, role.name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
