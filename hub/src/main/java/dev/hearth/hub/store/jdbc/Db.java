package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Connections, transactions and the plumbing every repository shares: binding parameters, mapping
 * rows, turning {@link SQLException} into {@link StoreException} with what was being done.
 */
final class Db {

  /** SQLSTATE of a unique or primary key violation, the same on H2 and PostgreSQL. */
  static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final Dialect dialect;

  Db(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  Dialect dialect() {
    return dialect;
  }

  /** Work done on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction, committed when it returns, rolled back when it throws.
   */
  <T> T inTransaction(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
      // No need to restore auto-commit: the pool resets it when the connection comes back.
    } catch (SQLException e) {
      throw new StoreException(what + " failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode (one statement, or only reads). */
  <T> T withConnection(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException(what + " failed: " + e.getMessage(), e);
    }
  }

  /** Runs an insert, update or delete; returns the number of rows changed. */
  int update(String what, String sql, Object... params) {
    return withConnection(what, c -> update(c, sql, params));
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  <T> List<T> list(String what, String sql, RowMapper<T> mapper, Object... params) {
    return withConnection(what, c -> list(c, sql, mapper, params));
  }

  static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    }
  }

  <T> Optional<T> one(String what, String sql, RowMapper<T> mapper, Object... params) {
    return withConnection(what, c -> one(c, sql, mapper, params));
  }

  static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Binds parameters by their Java type; a {@link Null} stands for a typed SQL NULL (a bare null
   * would leave PostgreSQL guessing the type).
   */
  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      int index = i + 1;
      if (p instanceof Null) {
        ps.setNull(index, ((Null) p).sqlType);
      } else if (p instanceof String) {
        ps.setString(index, (String) p);
      } else if (p instanceof Long) {
        ps.setLong(index, (Long) p);
      } else if (p instanceof Integer) {
        ps.setInt(index, (Integer) p);
      } else if (p instanceof Double) {
        ps.setDouble(index, (Double) p);
      } else if (p instanceof Boolean) {
        ps.setBoolean(index, (Boolean) p);
      } else if (p == null) {
        ps.setNull(index, Types.VARCHAR);
      } else {
        throw new IllegalArgumentException("cannot bind " + p.getClass().getName());
      }
    }
  }

  /** A string parameter that may be null. */
  static Object text(String value) {
    return value == null ? Null.VARCHAR : value;
  }

  /** An epoch-millis parameter that may be null. */
  static Object millis(java.time.Instant value) {
    return value == null ? Null.BIGINT : (Object) value.toEpochMilli();
  }

  /**
   * Epoch millis of a query bound, saturated: {@link java.time.Instant#MAX} or {@code MIN} as an
   * open end are fine.
   */
  static long bound(java.time.Instant value) {
    try {
      return value.toEpochMilli();
    } catch (ArithmeticException e) {
      return value.isBefore(java.time.Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Reads a nullable epoch-millis column. */
  static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : java.time.Instant.ofEpochMilli(v);
  }

  static boolean isUniqueViolation(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
        return true;
      }
    }
    Throwable cause = e.getCause();
    return cause instanceof SQLException && isUniqueViolation((SQLException) cause);
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** A typed SQL NULL parameter. */
  enum Null {
    VARCHAR(Types.VARCHAR),
    BIGINT(Types.BIGINT);

    private final int sqlType;

    Null(int sqlType) {
      this.sqlType = sqlType;
    }
  }
}
