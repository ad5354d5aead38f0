package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.catalog.store.CatalogRevisions;
import dev.hearth.hub.catalog.store.ReleaseRecord;
import dev.hearth.hub.catalog.store.ReportRecord;
import dev.hearth.hub.catalog.store.RevisionRecord;
import dev.hearth.hub.catalog.store.RevisionStatus;
import dev.hearth.hub.catalog.store.SignatureRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Revisions in {@code catalog_revisions} with their profiles, signers, simulator reports and
 * releases in the tables beside it.
 */
final class JdbcCatalogRevisions implements CatalogRevisions {

  private static final String COLUMNS =
      "id, name, kind, version, status, envelope, envelope_rev, sha256, size, changelog,"
          + " author_keyid, submitted_by, submitted_at";

  private final Db db;

  JdbcCatalogRevisions(Db db) {
    this.db = db;
  }

  @Override
  public boolean insert(RevisionRecord r, SignatureRecord author) {
    return db.inTransaction(
        "storing revision " + r.id(),
        c -> {
          int inserted =
              Db.update(
                  c,
                  "INSERT INTO catalog_revisions ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                  r.id(),
                  r.name(),
                  r.kind(),
                  r.version(),
                  r.status().id(),
                  r.envelope(),
                  r.envelopeRevision(),
                  r.sha256(),
                  r.size(),
                  r.changelog(),
                  r.authorKeyid(),
                  r.submittedBy(),
                  r.submittedAt().toEpochMilli());
          if (inserted == 0) {
            return false;
          }
          for (String profile : r.profiles()) {
            Db.update(
                c,
                "INSERT INTO catalog_revision_profiles (revision_id, profile) VALUES (?, ?)",
                r.id(),
                profile);
          }
          insertSigner(c, author);
          return true;
        });
  }

  @Override
  public Optional<RevisionRecord> find(String id) {
    return db.withConnection(
        "finding revision " + id,
        c ->
            withProfiles(
                    c,
                    Db.list(
                        c,
                        "SELECT " + COLUMNS + " FROM catalog_revisions WHERE id = ?",
                        JdbcCatalogRevisions::row,
                        id))
                .stream()
                .findFirst());
  }

  @Override
  public Optional<RevisionRecord> find(String name, String kind, String version) {
    return db.withConnection(
        "finding revision " + name + " " + version,
        c ->
            withProfiles(
                    c,
                    Db.list(
                        c,
                        "SELECT "
                            + COLUMNS
                            + " FROM catalog_revisions WHERE name = ? AND kind = ? AND version = ?",
                        JdbcCatalogRevisions::row,
                        name,
                        kind,
                        version))
                .stream()
                .findFirst());
  }

  @Override
  public List<RevisionRecord> list(
      Optional<String> profile, Optional<RevisionStatus> status, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM catalog_revisions r");
    List<Object> params = new ArrayList<>();
    List<String> where = new ArrayList<>();
    profile.ifPresent(
        p -> {
          where.add(
              "EXISTS (SELECT 1 FROM catalog_revision_profiles p"
                  + " WHERE p.revision_id = r.id AND p.profile = ?)");
          params.add(p);
        });
    status.ifPresent(
        s -> {
          where.add("r.status = ?");
          params.add(s.id());
        });
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY r.submitted_at DESC, r.id DESC LIMIT ?");
    params.add(limit);
    return db.withConnection(
        "listing revisions",
        c ->
            withProfiles(
                c, Db.list(c, sql.toString(), JdbcCatalogRevisions::row, params.toArray())));
  }

  @Override
  public List<RevisionRecord> line(String name, String kind) {
    return db.withConnection(
        "listing the revisions of " + name,
        c ->
            withProfiles(
                c,
                Db.list(
                    c,
                    "SELECT " + COLUMNS + " FROM catalog_revisions WHERE name = ? AND kind = ?",
                    JdbcCatalogRevisions::row,
                    name,
                    kind)));
  }

  @Override
  public boolean updateEnvelope(
      String id,
      int expectedRevision,
      String envelope,
      RevisionStatus status,
      SignatureRecord signer) {
    return db.inTransaction(
        "adding a signature to revision " + id,
        c -> {
          int updated =
              Db.update(
                  c,
                  "UPDATE catalog_revisions SET envelope = ?, envelope_rev = ?, status = ?"
                      + " WHERE id = ? AND envelope_rev = ?",
                  envelope,
                  expectedRevision + 1,
                  status.id(),
                  id,
                  expectedRevision);
          if (updated == 0) {
            return false;
          }
          Db.update(
              c,
              "DELETE FROM catalog_signatures WHERE revision_id = ? AND keyid = ?",
              id,
              signer.keyid());
          insertSigner(c, signer);
          return true;
        });
  }

  @Override
  public boolean changeStatus(String id, RevisionStatus from, RevisionStatus to) {
    return db.update(
            "changing the status of revision " + id,
            "UPDATE catalog_revisions SET status = ? WHERE id = ? AND status = ?",
            to.id(),
            id,
            from.id())
        == 1;
  }

  @Override
  public void completeValidation(String id, List<ReportRecord> reports) {
    db.inTransaction(
        "storing the simulator reports of revision " + id,
        c -> {
          Db.update(c, "DELETE FROM catalog_reports WHERE revision_id = ?", id);
          for (ReportRecord r : reports) {
            Db.update(
                c,
                "INSERT INTO catalog_reports"
                    + " (revision_id, seq, profile, program, fault, passed, json)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                id,
                r.seq(),
                r.profile(),
                r.program(),
                Db.text(r.fault()),
                r.passed(),
                r.json());
          }
          Db.update(
              c,
              "UPDATE catalog_revisions SET status = ? WHERE id = ? AND status = ?",
              RevisionStatus.VALIDATED.id(),
              id,
              RevisionStatus.VALIDATING.id());
          return null;
        });
  }

  @Override
  public List<ReportRecord> reports(String id) {
    return db.list(
        "reading the reports of revision " + id,
        "SELECT revision_id, seq, profile, program, fault, passed, json FROM catalog_reports"
            + " WHERE revision_id = ? ORDER BY seq",
        rs ->
            new ReportRecord(
                rs.getString("revision_id"),
                rs.getInt("seq"),
                rs.getString("profile"),
                rs.getString("program"),
                rs.getString("fault"),
                rs.getBoolean("passed"),
                rs.getString("json")),
        id);
  }

  @Override
  public List<SignatureRecord> signatures(String id) {
    return db.list(
        "reading the signers of revision " + id,
        "SELECT revision_id, keyid, owner_id, role, signed_at FROM catalog_signatures"
            + " WHERE revision_id = ? ORDER BY signed_at, keyid",
        rs ->
            new SignatureRecord(
                rs.getString("revision_id"),
                rs.getString("keyid"),
                rs.getString("owner_id"),
                rs.getString("role"),
                Db.instant(rs, "signed_at")),
        id);
  }

  @Override
  public boolean release(ReleaseRecord release) {
    return db.inTransaction(
        "releasing revision " + release.revisionId() + " to " + release.channel(),
        c -> {
          int inserted =
              Db.update(
                  c,
                  "INSERT INTO catalog_releases (revision_id, channel, released_by, released_at)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                  release.revisionId(),
                  release.channel(),
                  release.releasedBy(),
                  release.releasedAt().toEpochMilli());
          Db.update(
              c,
              "UPDATE catalog_revisions SET status = ? WHERE id = ?",
              RevisionStatus.RELEASED.id(),
              release.revisionId());
          return inserted == 1;
        });
  }

  @Override
  public List<ReleaseRecord> releases(String id) {
    return db.list(
        "reading the releases of revision " + id,
        "SELECT revision_id, channel, released_by, released_at FROM catalog_releases"
            + " WHERE revision_id = ? ORDER BY released_at, channel",
        JdbcCatalogRevisions::release,
        id);
  }

  @Override
  public List<RevisionRecord> released(String profile, Collection<String> channels) {
    if (channels.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(profile);
    params.addAll(channels);
    String marks = String.join(", ", java.util.Collections.nCopies(channels.size(), "?"));
    return db.withConnection(
        "listing releases for " + profile,
        c ->
            withProfiles(
                c,
                Db.list(
                    c,
                    "SELECT "
                        + COLUMNS
                        + " FROM catalog_revisions r WHERE EXISTS (SELECT 1 FROM"
                        + " catalog_revision_profiles p WHERE p.revision_id = r.id AND p.profile ="
                        + " ?) AND EXISTS (SELECT 1 FROM catalog_releases l WHERE l.revision_id ="
                        + " r.id AND l.channel IN ("
                        + marks
                        + ")) ORDER BY r.submitted_at DESC, r.id DESC",
                    JdbcCatalogRevisions::row,
                    params.toArray())));
  }

  private static void insertSigner(Connection c, SignatureRecord s) throws SQLException {
    Db.update(
        c,
        "INSERT INTO catalog_signatures (revision_id, keyid, owner_id, role, signed_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        s.revisionId(),
        s.keyid(),
        s.ownerId(),
        s.role(),
        s.signedAt().toEpochMilli());
  }

  /** The rows, each with its profiles (read in one query per revision: lists are short). */
  private static List<RevisionRecord> withProfiles(Connection c, List<RevisionRecord> rows)
      throws SQLException {
    List<RevisionRecord> out = new ArrayList<>(rows.size());
    for (RevisionRecord r : rows) {
      List<String> profiles =
          Db.list(
              c,
              "SELECT profile FROM catalog_revision_profiles WHERE revision_id = ?"
                  + " ORDER BY profile",
              rs -> rs.getString(1),
              r.id());
      out.add(
          new RevisionRecord(
              r.id(),
              r.name(),
              r.kind(),
              r.version(),
              profiles,
              r.status(),
              r.envelope(),
              r.envelopeRevision(),
              r.sha256(),
              r.size(),
              r.changelog(),
              r.authorKeyid(),
              r.submittedBy(),
              r.submittedAt()));
    }
    return out;
  }

  private static RevisionRecord row(ResultSet rs) throws SQLException {
    String status = rs.getString("status");
    return new RevisionRecord(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("kind"),
        rs.getString("version"),
        List.of(),
        RevisionStatus.fromId(status)
            .orElseThrow(() -> new SQLException("unknown revision status " + status)),
        rs.getString("envelope"),
        rs.getInt("envelope_rev"),
        rs.getString("sha256"),
        rs.getLong("size"),
        rs.getString("changelog"),
        rs.getString("author_keyid"),
        rs.getString("submitted_by"),
        Db.instant(rs, "submitted_at"));
  }

  private static ReleaseRecord release(ResultSet rs) throws SQLException {
    return new ReleaseRecord(
        rs.getString("revision_id"),
        rs.getString("channel"),
        rs.getString("released_by"),
        Db.instant(rs, "released_at"));
  }
}
