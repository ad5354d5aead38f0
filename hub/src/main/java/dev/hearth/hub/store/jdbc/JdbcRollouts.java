package dev.hearth.hub.store.jdbc;

import dev.hearth.hub.rollout.store.Audience;
import dev.hearth.hub.rollout.store.Candidate;
import dev.hearth.hub.rollout.store.DeviceUpdate;
import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.MaintenanceWindow;
import dev.hearth.hub.rollout.store.NewMember;
import dev.hearth.hub.rollout.store.ProgressReport;
import dev.hearth.hub.rollout.store.ReleaseSnapshot;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutGroup;
import dev.hearth.hub.rollout.store.RolloutMember;
import dev.hearth.hub.rollout.store.RolloutPlan;
import dev.hearth.hub.rollout.store.RolloutStatus;
import dev.hearth.hub.rollout.store.RolloutTally;
import dev.hearth.hub.rollout.store.Rollouts;
import dev.hearth.hub.rollout.store.StatusReason;
import dev.hearth.hub.rollout.store.Transition;
import dev.hearth.hub.rollout.store.UpdateChannel;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Page;
import dev.hearth.hub.store.PageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rollouts in {@code rollouts}, {@code rollout_groups} and {@code rollout_devices}; the audience is
 * read from {@code devices} and {@code owners}. Every write that may race is a conditional update
 * (see {@link Rollouts}).
 */
final class JdbcRollouts implements Rollouts {

  private static final String ROLLOUT_COLUMNS =
      "id, revision_id, release_name, release_kind, release_version, profiles, artifact_sha256,"
          + " manifest, channel, success_threshold, error_threshold, window_start, window_end,"
          + " status, current_group, reason_code, reason_detail, reason_at, created_by,"
          + " created_at, updated_at, row_version";

  private static final String MEMBER_COLUMNS =
      "m.rollout_id, m.device_id, m.owner_id, m.group_idx, m.state, m.reason, m.detail,"
          + " m.progress, m.from_version, m.offer_id, m.attempt, m.offered_at, m.offer_expires,"
          + " m.delivered_at, m.joined_at, m.updated_at";

  /** Statuses in which offers go out ({@link RolloutStatus#offers()}), as an SQL list. */
  private static final String OFFERING =
      inList(Arrays.stream(RolloutStatus.values()).filter(RolloutStatus::offers));

  private static final String ACTIVE =
      inList(Arrays.stream(RolloutStatus.values()).filter(RolloutStatus::isActive));

  private static final String FAILURES =
      inList(Arrays.stream(DeviceUpdateState.values()).filter(DeviceUpdateState::isFailure));

  private static final String PROFILE_SEPARATOR = ",";

  private final Db db;

  JdbcRollouts(Db db) {
    this.db = db;
  }

  // ---- rollouts ----

  @Override
  public void create(Rollout r, List<NewMember> members) {
    db.inTransaction(
        "creating rollout " + r.id(),
        c -> {
          MaintenanceWindow window = r.plan().window();
          StatusReason reason = r.reason();
          Db.update(
              c,
              "INSERT INTO rollouts ("
                  + ROLLOUT_COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              r.id(),
              r.release().revisionId(),
              r.release().name(),
              r.release().kind(),
              r.release().version(),
              String.join(PROFILE_SEPARATOR, r.release().profiles()),
              r.release().artifactSha256(),
              r.release().manifest(),
              r.channel().wireName(),
              r.plan().successThreshold(),
              r.plan().errorThreshold(),
              Db.text(window == null ? null : MaintenanceWindow.text(window.start())),
              Db.text(window == null ? null : MaintenanceWindow.text(window.end())),
              r.status().name(),
              r.currentGroup(),
              Db.text(reason == null ? null : reason.code()),
              Db.text(reason == null ? null : reason.detail()),
              Db.millis(reason == null ? null : reason.at()),
              r.createdBy(),
              r.createdAt().toEpochMilli(),
              r.updatedAt().toEpochMilli(),
              r.rowVersion());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO rollout_groups (rollout_id, idx, measure, amount, needs_approval,"
                      + " opened_at, approved_by, failures_accepted) VALUES (?, ?, ?, ?, ?, ?, ?,"
                      + " 0)")) {
            List<GroupSpec> groups = r.plan().groups();
            for (int i = 0; i < groups.size(); i++) {
              GroupSpec g = groups.get(i);
              Db.bind(
                  ps,
                  r.id(),
                  i,
                  g.measure().name(),
                  g.amount(),
                  g.approval(),
                  i <= r.currentGroup() ? (Object) r.createdAt().toEpochMilli() : Db.millis(null),
                  Db.text(null));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          insertMembers(c, r.id(), members, r.createdAt());
          return null;
        });
  }

  @Override
  public Optional<Rollout> find(String rolloutId) {
    return db.withConnection(
        "reading rollout " + rolloutId,
        c -> {
          Optional<Rollout> bare =
              Db.one(
                  c,
                  "SELECT " + ROLLOUT_COLUMNS + " FROM rollouts WHERE id = ?",
                  rs -> map(rs, List.of()),
                  rolloutId);
          return bare.isEmpty() ? bare : Optional.of(withGroups(c, bare.get()));
        });
  }

  @Override
  public Page<Rollout> list(PageRequest page) {
    return db.withConnection(
        "listing rollouts",
        c -> {
          List<Object> params = new ArrayList<>();
          StringBuilder sql =
              new StringBuilder("SELECT ").append(ROLLOUT_COLUMNS).append(" FROM rollouts");
          if (page.cursor() != null) {
            Cursor cursor = Cursor.decode(page.cursor(), 2);
            sql.append(" WHERE (created_at, id) < (?, ?)");
            params.add(cursor.number(0));
            params.add(cursor.text(1));
          }
          sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
          params.add(page.limit() + 1);
          List<Rollout> rows =
              Db.list(c, sql.toString(), rs -> map(rs, List.of()), params.toArray());
          List<Rollout> full = new ArrayList<>();
          for (Rollout r : rows) {
            full.add(withGroups(c, r));
          }
          return Cursor.page(full, page, r -> Cursor.encode(r.createdAt().toEpochMilli(), r.id()));
        });
  }

  @Override
  public List<String> active() {
    return db.list(
        "listing active rollouts",
        "SELECT id FROM rollouts WHERE status IN " + ACTIVE + " ORDER BY created_at, id",
        rs -> rs.getString(1));
  }

  @Override
  public boolean lease(String rolloutId, String holder, Instant now, Instant until) {
    return db.update(
            "leasing rollout " + rolloutId,
            "UPDATE rollouts SET lease_holder = ?, lease_until = ? WHERE id = ?"
                + " AND (lease_holder IS NULL OR lease_holder = ? OR lease_until <= ?)",
            holder,
            until.toEpochMilli(),
            rolloutId,
            holder,
            now.toEpochMilli())
        == 1;
  }

  @Override
  public boolean transition(Transition t) {
    return db.inTransaction(
        "changing rollout " + t.rolloutId() + " to " + t.status(),
        c -> {
          StatusReason reason = t.reason();
          int changed =
              Db.update(
                  c,
                  "UPDATE rollouts SET status = ?, current_group = ?, reason_code = ?,"
                      + " reason_detail = ?, reason_at = ?, updated_at = ?,"
                      + " row_version = row_version + 1 WHERE id = ? AND row_version = ?",
                  t.status().name(),
                  t.currentGroup(),
                  Db.text(reason == null ? null : reason.code()),
                  Db.text(reason == null ? null : reason.detail()),
                  Db.millis(reason == null ? null : reason.at()),
                  t.at().toEpochMilli(),
                  t.rolloutId(),
                  t.fromVersion());
          if (changed == 0) {
            return false;
          }
          Db.update(
              c,
              "UPDATE rollout_groups SET opened_at = ?"
                  + " WHERE rollout_id = ? AND idx <= ? AND opened_at IS NULL",
              t.at().toEpochMilli(),
              t.rolloutId(),
              t.currentGroup());
          if (t.approvedBy() != null) {
            Db.update(
                c,
                "UPDATE rollout_groups SET approved_by = ? WHERE rollout_id = ? AND idx = ?",
                t.approvedBy(),
                t.rolloutId(),
                t.currentGroup());
          }
          if (t.acceptFailures()) {
            Db.update(
                c,
                "UPDATE rollout_groups SET failures_accepted = (SELECT COUNT(*)"
                    + " FROM rollout_devices m WHERE m.rollout_id = rollout_groups.rollout_id"
                    + " AND m.group_idx = rollout_groups.idx AND m.state IN "
                    + FAILURES
                    + ") WHERE rollout_id = ?",
                t.rolloutId());
          }
          return true;
        });
  }

  @Override
  public RolloutTally tally(String rolloutId) {
    return db.withConnection(
        "counting the devices of rollout " + rolloutId,
        c -> {
          int groups =
              Db.one(
                      c,
                      "SELECT COUNT(*) FROM rollout_groups WHERE rollout_id = ?",
                      rs -> rs.getInt(1),
                      rolloutId)
                  .orElse(0);
          List<RolloutTally.Row> rows =
              Db.list(
                  c,
                  "SELECT group_idx, state, COUNT(*) FROM rollout_devices WHERE rollout_id = ?"
                      + " GROUP BY group_idx, state",
                  rs ->
                      new RolloutTally.Row(
                          rs.getInt(1), DeviceUpdateState.valueOf(rs.getString(2)), rs.getInt(3)),
                  rolloutId);
          return RolloutTally.of(groups, rows);
        });
  }

  // ---- audience ----

  @Override
  public List<Candidate> candidates(
      String rolloutId, Audience audience, String afterDeviceId, int limit) {
    List<String> channels = audience.channel().audience();
    List<Object> params = new ArrayList<>();
    params.add(Device.State.ACTIVE.name());
    params.add(afterDeviceId == null ? "" : afterDeviceId);
    params.addAll(audience.profiles());
    params.addAll(channels);
    params.add(rolloutId);
    params.add(limit);
    return db.list(
        "finding devices for rollout " + rolloutId,
        "SELECT d.id, d.owner_id, d.firmware_name, d.firmware_version, d.agent_version"
            + " FROM devices d WHERE d.state = ? AND d.id > ? AND d.owner_id IS NOT NULL"
            + " AND d.profile IN "
            + params(audience.profiles().size())
            + " AND d.channel IN "
            + params(channels.size())
            + " AND NOT EXISTS (SELECT 1 FROM rollout_devices m"
            + " WHERE m.rollout_id = ? AND m.device_id = d.id)"
            + " ORDER BY d.id LIMIT ?",
        rs ->
            new Candidate(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)),
        params.toArray());
  }

  @Override
  public int join(String rolloutId, List<NewMember> members, Instant now) {
    if (members.isEmpty()) {
      return 0;
    }
    return db.inTransaction(
        "taking devices into rollout " + rolloutId, c -> insertMembers(c, rolloutId, members, now));
  }

  @Override
  public int reconcileAudience(String rolloutId, int group, Instant now) {
    return db.inTransaction(
        "checking the audience of rollout " + rolloutId,
        c -> {
          Optional<Audience> audience = audience(c, rolloutId);
          if (audience.isEmpty()) {
            return 0;
          }
          List<String> channels = audience.get().channel().audience();
          String inAudience =
              "EXISTS (SELECT 1 FROM devices d WHERE d.id = rollout_devices.device_id"
                  + " AND d.state = ? AND d.owner_id IS NOT NULL AND d.channel IN "
                  + params(channels.size())
                  + ")";
          // A device whose offer still waits for it leaves too: its owner opted out before
          // the device could see the offer.
          List<Object> left = new ArrayList<>();
          left.add(DeviceUpdateState.EXCLUDED.name());
          left.add(NewMember.LEFT_AUDIENCE);
          left.add(now.toEpochMilli());
          left.add(rolloutId);
          left.add(DeviceUpdateState.PENDING.name());
          left.add(DeviceUpdateState.OFFERED.name());
          left.add(Device.State.ACTIVE.name());
          left.addAll(channels);
          int changed =
              Db.update(
                  c,
                  "UPDATE rollout_devices SET state = ?, reason = ?, delivered_at = NULL,"
                      + " updated_at = ? WHERE rollout_id = ? AND (state = ?"
                      + " OR (state = ? AND delivered_at IS NULL)) AND NOT "
                      + inAudience,
                  left.toArray());
          List<Object> back = new ArrayList<>();
          back.add(DeviceUpdateState.PENDING.name());
          back.add(group);
          back.add(now.toEpochMilli());
          back.add(rolloutId);
          back.add(DeviceUpdateState.EXCLUDED.name());
          back.add(NewMember.LEFT_AUDIENCE);
          back.add(Device.State.ACTIVE.name());
          back.addAll(channels);
          changed +=
              Db.update(
                  c,
                  "UPDATE rollout_devices SET state = ?, reason = NULL, group_idx = ?,"
                      + " updated_at = ? WHERE rollout_id = ? AND state = ? AND reason = ? AND "
                      + inAudience,
                  back.toArray());
          return changed;
        });
  }

  // ---- offers ----

  @Override
  public List<String> pendingZones(String rolloutId, int maxGroup) {
    return db.list(
        "reading the time zones of rollout " + rolloutId,
        "SELECT DISTINCT COALESCE(o.time_zone, 'UTC') FROM rollout_devices m"
            + " JOIN devices d ON d.id = m.device_id LEFT JOIN owners o ON o.id = d.owner_id"
            + " WHERE m.rollout_id = ? AND m.state = ? AND m.group_idx <= ?",
        rs -> rs.getString(1),
        rolloutId,
        DeviceUpdateState.PENDING.name(),
        maxGroup);
  }

  @Override
  public List<RolloutMember> pending(
      String rolloutId, int maxGroup, Collection<String> zones, int limit) {
    if (zones.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(rolloutId);
    params.add(DeviceUpdateState.PENDING.name());
    params.add(maxGroup);
    params.addAll(zones);
    params.add(limit);
    return db.list(
        "reading pending devices of rollout " + rolloutId,
        "SELECT "
            + MEMBER_COLUMNS
            + " FROM rollout_devices m JOIN devices d ON d.id = m.device_id"
            + " LEFT JOIN owners o ON o.id = d.owner_id"
            + " WHERE m.rollout_id = ? AND m.state = ? AND m.group_idx <= ?"
            + " AND COALESCE(o.time_zone, 'UTC') IN "
            + params(zones.size())
            + " ORDER BY m.device_id LIMIT ?",
        JdbcRollouts::member,
        params.toArray());
  }

  @Override
  public List<String> offerAll(
      String rolloutId, List<NewOffer> offers, Instant expires, Instant now) {
    if (offers.isEmpty()) {
      return List.of();
    }
    // The rollout's status is checked in each statement: an offer cannot slip out after a pause
    // or a cancel committed, whichever hub instance made it.
    String sql =
        "UPDATE rollout_devices SET state = ?, offer_id = ?, attempt = ?, offered_at = ?,"
            + " offer_expires = ?, delivered_at = NULL, reason = NULL, detail = NULL,"
            + " progress = NULL, updated_at = ?"
            + " WHERE rollout_id = ? AND device_id = ? AND state = ? AND attempt = ?"
            + " AND EXISTS (SELECT 1 FROM rollouts r WHERE r.id = rollout_devices.rollout_id"
            + " AND r.status IN "
            + OFFERING
            + ")";
    return db.inTransaction(
        "offering rollout " + rolloutId + " to " + offers.size() + " devices",
        c -> {
          List<String> made = new ArrayList<>();
          for (NewOffer o : offers) {
            int changed =
                Db.update(
                    c,
                    sql,
                    DeviceUpdateState.OFFERED.name(),
                    o.offerId(),
                    o.attempt() + 1,
                    now.toEpochMilli(),
                    expires.toEpochMilli(),
                    now.toEpochMilli(),
                    rolloutId,
                    o.deviceId(),
                    DeviceUpdateState.PENDING.name(),
                    o.attempt());
            if (changed == 1) {
              made.add(o.offerId());
            }
          }
          return made;
        });
  }

  @Override
  public void delivered(String offerId, Instant at) {
    db.update(
        "recording the delivery of offer " + offerId,
        "UPDATE rollout_devices SET delivered_at = ? WHERE offer_id = ? AND delivered_at IS NULL",
        at.toEpochMilli(),
        offerId);
  }

  @Override
  public List<RolloutMember> undelivered(String deviceId, Instant now) {
    return db.list(
        "reading the offers waiting for " + deviceId,
        "SELECT "
            + MEMBER_COLUMNS
            + " FROM rollout_devices m JOIN rollouts r ON r.id = m.rollout_id"
            + " WHERE m.device_id = ? AND m.state = ? AND m.delivered_at IS NULL"
            + " AND m.offer_expires > ? AND r.status IN "
            + OFFERING
            + " ORDER BY m.offered_at, m.rollout_id",
        JdbcRollouts::member,
        deviceId,
        DeviceUpdateState.OFFERED.name(),
        now.toEpochMilli());
  }

  @Override
  public int expireOffers(Instant cutoff, Instant now) {
    return db.update(
        "expiring offers",
        "UPDATE rollout_devices SET state = ?, delivered_at = NULL, updated_at = ?"
            + " WHERE state = ? AND offer_expires < ?",
        DeviceUpdateState.PENDING.name(),
        now.toEpochMilli(),
        DeviceUpdateState.OFFERED.name(),
        cutoff.toEpochMilli());
  }

  @Override
  public Optional<RolloutMember> progress(ProgressReport report) {
    return db.inTransaction(
        "recording progress of offer " + report.offerId(), c -> apply(c, report));
  }

  @Override
  public List<RolloutMember> progressAll(List<ProgressReport> reports) {
    if (reports.isEmpty()) {
      return List.of();
    }
    // One transaction for a batch of reports; the rows are locked in one order (by offer, then
    // device; a device's own reports stay in their order) so two hub instances cannot deadlock.
    List<ProgressReport> ordered = new ArrayList<>(reports);
    ordered.sort(
        Comparator.comparing(ProgressReport::offerId).thenComparing(ProgressReport::deviceId));
    return db.inTransaction(
        "recording " + reports.size() + " progress reports",
        c -> {
          List<RolloutMember> changed = new ArrayList<>();
          for (ProgressReport report : ordered) {
            apply(c, report).ifPresent(changed::add);
          }
          return changed;
        });
  }

  /** Applies one report inside the caller's transaction; the member when it changed. */
  private static Optional<RolloutMember> apply(Connection c, ProgressReport report)
      throws SQLException {
    // Locked, so two reports of one device (two hub instances) apply one after the other.
    Optional<RolloutMember> found =
        Db.one(
            c,
            "SELECT "
                + MEMBER_COLUMNS
                + " FROM rollout_devices m WHERE m.offer_id = ? AND m.device_id = ?"
                + " FOR UPDATE",
            JdbcRollouts::member,
            report.offerId(),
            report.deviceId());
    if (found.isEmpty()) {
      return Optional.<RolloutMember>empty();
    }
    RolloutMember m = found.get();
    if (m.state().isFinal() || m.state() == DeviceUpdateState.EXCLUDED) {
      return Optional.<RolloutMember>empty();
    }
    Object progress = report.progress() == null ? Db.text(null) : report.progress();
    String from = report.fromVersion() != null ? report.fromVersion() : m.fromVersion();
    if (report.isExpiredOffer()) {
      Db.update(
          c,
          "UPDATE rollout_devices SET state = ?, reason = ?, detail = ?, delivered_at = NULL,"
              + " progress = NULL, updated_at = ? WHERE rollout_id = ? AND device_id = ?",
          DeviceUpdateState.PENDING.name(),
          report.reason(),
          Db.text(report.detail()),
          report.at().toEpochMilli(),
          m.rolloutId(),
          m.deviceId());
    } else if (report.state().rank() > m.state().rank()) {
      Db.update(
          c,
          "UPDATE rollout_devices SET state = ?, reason = ?, detail = ?,"
              + " progress = CAST(? AS DOUBLE PRECISION), from_version = ?, updated_at = ?"
              + " WHERE rollout_id = ? AND device_id = ?",
          report.state().name(),
          Db.text(report.state().isFinal() ? report.reason() : null),
          Db.text(report.detail()),
          progress,
          Db.text(from),
          report.at().toEpochMilli(),
          m.rolloutId(),
          m.deviceId());
    } else if (report.state() == m.state() && report.progress() != null) {
      Db.update(
          c,
          "UPDATE rollout_devices SET progress = CAST(? AS DOUBLE PRECISION), updated_at = ?"
              + " WHERE rollout_id = ? AND device_id = ?",
          progress,
          report.at().toEpochMilli(),
          m.rolloutId(),
          m.deviceId());
    } else {
      return Optional.<RolloutMember>empty();
    }
    return Db.one(
        c,
        "SELECT "
            + MEMBER_COLUMNS
            + " FROM rollout_devices m WHERE m.rollout_id = ? AND m.device_id = ?",
        JdbcRollouts::member,
        m.rolloutId(),
        m.deviceId());
  }

  // ---- listings ----

  @Override
  public Page<RolloutMember> members(String rolloutId, DeviceUpdateState state, PageRequest page) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(MEMBER_COLUMNS)
            .append(" FROM rollout_devices m WHERE m.rollout_id = ?");
    params.add(rolloutId);
    if (state != null) {
      sql.append(" AND m.state = ?");
      params.add(state.name());
    }
    if (page.cursor() != null) {
      sql.append(" AND m.device_id > ?");
      params.add(Cursor.decode(page.cursor(), 1).text(0));
    }
    sql.append(" ORDER BY m.device_id LIMIT ?");
    params.add(page.limit() + 1);
    List<RolloutMember> rows =
        db.list(
            "listing the devices of rollout " + rolloutId,
            sql.toString(),
            JdbcRollouts::member,
            params.toArray());
    return Cursor.page(rows, page, m -> Cursor.encode(m.deviceId()));
  }

  @Override
  public Page<DeviceUpdate> history(String deviceId, PageRequest page) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(MEMBER_COLUMNS)
            .append(
                ", r.release_name, r.release_kind, r.release_version, r.channel, r.status"
                    + " FROM rollout_devices m JOIN rollouts r ON r.id = m.rollout_id"
                    + " WHERE m.device_id = ?");
    params.add(deviceId);
    if (page.cursor() != null) {
      Cursor cursor = Cursor.decode(page.cursor(), 2);
      sql.append(" AND (m.joined_at, m.rollout_id) < (?, ?)");
      params.add(cursor.number(0));
      params.add(cursor.text(1));
    }
    sql.append(" ORDER BY m.joined_at DESC, m.rollout_id DESC LIMIT ?");
    params.add(page.limit() + 1);
    List<DeviceUpdate> rows =
        db.list(
            "reading the update history of " + deviceId,
            sql.toString(),
            rs ->
                new DeviceUpdate(
                    rs.getString("release_name"),
                    rs.getString("release_kind"),
                    rs.getString("release_version"),
                    UpdateChannel.of(rs.getString("channel")).orElseThrow(),
                    RolloutStatus.valueOf(rs.getString("status")),
                    member(rs)),
            params.toArray());
    return Cursor.page(
        rows,
        page,
        u -> Cursor.encode(u.member().joinedAt().toEpochMilli(), u.member().rolloutId()));
  }

  // ---- mapping ----

  private static int insertMembers(
      Connection c, String rolloutId, List<NewMember> members, Instant now) throws SQLException {
    if (members.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO rollout_devices (rollout_id, device_id, owner_id, group_idx, state,"
                + " reason, attempt, joined_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      for (NewMember m : members) {
        Db.bind(
            ps,
            rolloutId,
            m.deviceId(),
            Db.text(m.ownerId()),
            m.group(),
            m.state().name(),
            Db.text(m.reason()),
            now.toEpochMilli(),
            now.toEpochMilli());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return members.size();
  }

  private static Optional<Audience> audience(Connection c, String rolloutId) throws SQLException {
    return Db.one(
        c,
        "SELECT profiles, channel FROM rollouts WHERE id = ?",
        rs ->
            new Audience(
                splitProfiles(rs.getString(1)), UpdateChannel.of(rs.getString(2)).orElseThrow()),
        rolloutId);
  }

  private static Rollout withGroups(Connection c, Rollout bare) throws SQLException {
    List<RolloutGroup> groups =
        Db.list(
            c,
            "SELECT idx, measure, amount, needs_approval, opened_at, approved_by,"
                + " failures_accepted FROM rollout_groups WHERE rollout_id = ? ORDER BY idx",
            rs ->
                new RolloutGroup(
                    rs.getInt("idx"),
                    new GroupSpec(
                        GroupSpec.Measure.valueOf(rs.getString("measure")),
                        rs.getInt("amount"),
                        rs.getBoolean("needs_approval")),
                    Db.instant(rs, "opened_at"),
                    rs.getString("approved_by"),
                    rs.getInt("failures_accepted")),
            bare.id());
    RolloutPlan stored = bare.plan();
    RolloutPlan plan =
        new RolloutPlan(
            groups.stream().map(RolloutGroup::spec).collect(Collectors.toList()),
            stored.successThreshold(),
            stored.errorThreshold(),
            stored.window());
    return new Rollout(
        bare.id(),
        bare.release(),
        bare.channel(),
        plan,
        groups,
        bare.status(),
        bare.currentGroup(),
        bare.reason(),
        bare.createdBy(),
        bare.createdAt(),
        bare.updatedAt(),
        bare.rowVersion());
  }

  /**
   * A rollout row without its groups; {@link #withGroups} completes it. Until then its plan is one
   * group of everyone, which is never used.
   */
  private static Rollout map(ResultSet rs, List<RolloutGroup> groups) throws SQLException {
    String start = rs.getString("window_start");
    String end = rs.getString("window_end");
    MaintenanceWindow window =
        start == null || end == null
            ? null
            : new MaintenanceWindow(LocalTime.parse(start), LocalTime.parse(end));
    RolloutPlan plan =
        new RolloutPlan(
            RolloutPlan.everyone().groups(),
            rs.getInt("success_threshold"),
            rs.getInt("error_threshold"),
            window);
    String reasonCode = rs.getString("reason_code");
    StatusReason reason =
        reasonCode == null
            ? null
            : new StatusReason(
                reasonCode, rs.getString("reason_detail"), Db.instant(rs, "reason_at"));
    return new Rollout(
        rs.getString("id"),
        new ReleaseSnapshot(
            rs.getString("revision_id"),
            rs.getString("release_name"),
            rs.getString("release_kind"),
            rs.getString("release_version"),
            splitProfiles(rs.getString("profiles")),
            rs.getString("artifact_sha256"),
            rs.getString("manifest")),
        UpdateChannel.of(rs.getString("channel")).orElseThrow(),
        plan,
        groups,
        RolloutStatus.valueOf(rs.getString("status")),
        rs.getInt("current_group"),
        reason,
        rs.getString("created_by"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        rs.getLong("row_version"));
  }

  private static RolloutMember member(ResultSet rs) throws SQLException {
    double progress = rs.getDouble("progress");
    Double progressOrNull = rs.wasNull() ? null : progress;
    return new RolloutMember(
        rs.getString("rollout_id"),
        rs.getString("device_id"),
        rs.getString("owner_id"),
        rs.getInt("group_idx"),
        DeviceUpdateState.valueOf(rs.getString("state")),
        rs.getString("reason"),
        rs.getString("detail"),
        progressOrNull,
        rs.getString("from_version"),
        rs.getString("offer_id"),
        rs.getInt("attempt"),
        Db.instant(rs, "offered_at"),
        Db.instant(rs, "offer_expires"),
        Db.instant(rs, "delivered_at"),
        Instant.ofEpochMilli(rs.getLong("joined_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }

  private static List<String> splitProfiles(String joined) {
    return Arrays.asList(joined.split(PROFILE_SEPARATOR));
  }

  private static String params(int n) {
    return "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
  }

  private static <E extends Enum<E>> String inList(java.util.stream.Stream<E> values) {
    return values.map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ", "(", ")"));
  }
}
