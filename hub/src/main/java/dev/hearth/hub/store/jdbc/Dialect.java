package dev.hearth.hub.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The few things that H2 (in PostgreSQL mode) and PostgreSQL do differently: upserts, and probing
 * many keys at once. Everything else is one SQL text for both.
 *
 * <p>Both accept {@code INSERT ... ON CONFLICT DO NOTHING} (H2 in PostgreSQL mode), so
 * insert-or-ignore needs no dialect. H2 has no {@code ON CONFLICT DO UPDATE}; it gets the standard
 * {@code MERGE}. PostgreSQL gets {@code ON CONFLICT DO UPDATE}, which, unlike its {@code MERGE},
 * stays correct when two transactions insert the same key at once.
 */
enum Dialect {
  H2("h2") {
    @Override
    String upsert(String table, List<String> keys, List<String> values, String onlyIf) {
      List<String> all = concat(keys, values);
      String src = "src";
      return "MERGE INTO "
          + table
          + " USING (VALUES ("
          + params(all.size())
          + ")) "
          + src
          + "("
          + String.join(", ", all)
          + ") ON "
          + keys.stream().map(k -> table + "." + k + " = " + src + "." + k).collect(and())
          + " WHEN MATCHED"
          + (onlyIf == null ? "" : " AND (" + condition(onlyIf, table, src) + ")")
          + " THEN UPDATE SET "
          + values.stream().map(v -> v + " = " + src + "." + v).collect(comma())
          + " WHEN NOT MATCHED THEN INSERT ("
          + String.join(", ", all)
          + ") VALUES ("
          + all.stream().map(c -> src + "." + c).collect(comma())
          + ")";
    }

    @Override
    Set<SeqKey> existing(Connection c, String table, Collection<SeqKey> keys) throws SQLException {
      // In-process: a primary-key probe per key costs microseconds and no round trip.
      Set<SeqKey> found = new HashSet<>();
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM " + table + " WHERE device_id = ? AND seq = ?")) {
        for (SeqKey k : keys) {
          ps.setString(1, k.deviceId());
          ps.setLong(2, k.seq());
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              found.add(k);
            }
          }
        }
      }
      return found;
    }

    @Override
    String upsertFromQuery(String table, List<String> keys, List<String> values, String query) {
      return "MERGE INTO "
          + table
          + " ("
          + String.join(", ", concat(keys, values))
          + ") KEY ("
          + String.join(", ", keys)
          + ") "
          + query;
    }
  },

  POSTGRESQL("postgresql") {
    @Override
    String upsert(String table, List<String> keys, List<String> values, String onlyIf) {
      List<String> all = concat(keys, values);
      return "INSERT INTO "
          + table
          + " ("
          + String.join(", ", all)
          + ") VALUES ("
          + params(all.size())
          + ") ON CONFLICT ("
          + String.join(", ", keys)
          + ") DO UPDATE SET "
          + values.stream().map(v -> v + " = EXCLUDED." + v).collect(comma())
          + (onlyIf == null ? "" : " WHERE " + condition(onlyIf, table, "EXCLUDED"));
    }

    @Override
    Set<SeqKey> existing(Connection c, String table, Collection<SeqKey> keys) throws SQLException {
      // Over the network: one round trip for all keys, joined against two arrays.
      String[] devices = new String[keys.size()];
      Long[] seqs = new Long[keys.size()];
      int i = 0;
      for (SeqKey k : keys) {
        devices[i] = k.deviceId();
        seqs[i++] = k.seq();
      }
      Set<SeqKey> found = new HashSet<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT t.device_id, t.seq FROM "
                  + table
                  + " t JOIN unnest(?::varchar[], ?::bigint[]) AS k(device_id, seq)"
                  + " ON t.device_id = k.device_id AND t.seq = k.seq")) {
        ps.setArray(1, c.createArrayOf("varchar", devices));
        ps.setArray(2, c.createArrayOf("bigint", seqs));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(new SeqKey(rs.getString(1), rs.getLong(2)));
          }
        }
      }
      return found;
    }

    @Override
    String upsertFromQuery(String table, List<String> keys, List<String> values, String query) {
      return "INSERT INTO "
          + table
          + " ("
          + String.join(", ", concat(keys, values))
          + ") "
          + query
          + " ON CONFLICT ("
          + String.join(", ", keys)
          + ") DO UPDATE SET "
          + values.stream().map(v -> v + " = EXCLUDED." + v).collect(comma());
    }
  };

  private final String vendor;

  Dialect(String vendor) {
    this.vendor = vendor;
  }

  static Dialect of(StoreConfig.Vendor vendor) {
    return vendor == StoreConfig.Vendor.POSTGRESQL ? POSTGRESQL : H2;
  }

  /** {@code h2} or {@code postgresql}: also the name of the vendor's migration folder. */
  String vendor() {
    return vendor;
  }

  /**
   * A one-row upsert with a parameter for every key column, then every value column.
   *
   * @param onlyIf null, or a condition under which an existing row is overwritten, written with
   *     {@code {old}.column} for the stored row and {@code {new}.column} for the new one
   */
  abstract String upsert(String table, List<String> keys, List<String> values, String onlyIf);

  /**
   * Inserts the rows of {@code query} (its columns: the keys, then the values), overwriting rows
   * with the same keys.
   */
  abstract String upsertFromQuery(
      String table, List<String> keys, List<String> values, String query);

  /**
   * Which of {@code keys} already have a row in {@code table}, a table keyed by {@code (device_id,
   * seq)}.
   */
  abstract Set<SeqKey> existing(Connection c, String table, Collection<SeqKey> keys)
      throws SQLException;

  /** A per-device sequence number: the key of telemetry batches and events. */
  record SeqKey(String deviceId, long seq) implements Comparable<SeqKey> {
    @Override
    public int compareTo(SeqKey o) {
      int d = deviceId.compareTo(o.deviceId);
      return d != 0 ? d : Long.compare(seq, o.seq);
    }
  }

  private static String condition(String onlyIf, String table, String source) {
    return onlyIf.replace("{old}", table).replace("{new}", source);
  }

  private static String params(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toList());
  }

  private static java.util.stream.Collector<CharSequence, ?, String> comma() {
    return Collectors.joining(", ");
  }

  private static java.util.stream.Collector<CharSequence, ?, String> and() {
    return Collectors.joining(" AND ");
  }
}
