package dev.hearth.hub.rollout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.rollout.store.DeviceUpdate;
import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.rollout.store.GroupSpec;
import dev.hearth.hub.rollout.store.GroupTally;
import dev.hearth.hub.rollout.store.MaintenanceWindow;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutGroup;
import dev.hearth.hub.rollout.store.RolloutMember;
import dev.hearth.hub.rollout.store.RolloutTally;
import dev.hearth.hub.rollout.store.StatusReason;
import java.time.Instant;
import java.util.Map;

/**
 * The JSON shapes of rollouts, as the API answers them and live streams carry them ({@code event:
 * rollout}), described in the OpenAPI document. Every state is counted, zeros included, so a page
 * can render counts without knowing the states.
 */
public final class RolloutJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RolloutJson() {}

  /** A rollout with its counts per group and state. */
  public static ObjectNode rollout(Rollout r, RolloutTally tally) {
    ObjectNode json = JSON.objectNode();
    json.put("id", r.id());
    json.put("revisionId", r.release().revisionId());
    ObjectNode release = json.putObject("release");
    release.put("name", r.release().name());
    release.put("kind", r.release().kind());
    release.put("version", r.release().version());
    ArrayNode profiles = release.putArray("profiles");
    r.release().profiles().forEach(profiles::add);
    release.put("artifactSha256", r.release().artifactSha256());
    json.put("channel", r.channel().wireName());
    json.put("status", r.status().apiName());
    json.put("currentGroup", r.currentGroup());
    reason(json, r.reason());
    json.put("successThreshold", r.plan().successThreshold());
    json.put("errorThreshold", r.plan().errorThreshold());
    MaintenanceWindow window = r.plan().window();
    if (window == null) {
      json.putNull("window");
    } else {
      json.putObject("window")
          .put("start", MaintenanceWindow.text(window.start()))
          .put("end", MaintenanceWindow.text(window.end()));
    }
    ArrayNode groups = json.putArray("groups");
    int members = 0;
    for (RolloutGroup g : r.groups()) {
      GroupTally t = tally.group(g.index());
      members += t.members();
      groups.add(group(g, t));
    }
    json.put("members", members);
    json.set("counts", counts(tally.total()));
    json.put("createdBy", r.createdBy());
    instant(json, "createdAt", r.createdAt());
    instant(json, "updatedAt", r.updatedAt());
    return json;
  }

  private static ObjectNode group(RolloutGroup g, GroupTally t) {
    ObjectNode json = JSON.objectNode();
    json.put("index", g.index());
    GroupSpec spec = g.spec();
    if (spec.measure() == GroupSpec.Measure.PERCENT) {
      json.put("percent", spec.amount());
    } else {
      json.put("size", spec.amount());
    }
    json.put("approval", spec.approval());
    json.put("open", g.isOpen());
    instant(json, "openedAt", g.openedAt());
    json.put("approvedBy", g.approvedBy());
    json.put("failuresAccepted", g.failuresAccepted());
    json.put("members", t.members());
    json.set("counts", counts(t.counts()));
    return json;
  }

  /** One device of a rollout. */
  public static ObjectNode member(RolloutMember m) {
    ObjectNode json = JSON.objectNode();
    json.put("rolloutId", m.rolloutId());
    json.put("deviceId", m.deviceId());
    json.put("group", m.group());
    memberState(json, m);
    return json;
  }

  /** One line of a device's update history. */
  public static ObjectNode update(DeviceUpdate u) {
    ObjectNode json = JSON.objectNode();
    RolloutMember m = u.member();
    json.put("rolloutId", m.rolloutId());
    json.putObject("release")
        .put("name", u.releaseName())
        .put("kind", u.releaseKind())
        .put("version", u.releaseVersion());
    json.put("channel", u.channel().wireName());
    json.put("rolloutStatus", u.rolloutStatus().apiName());
    memberState(json, m);
    instant(json, "joinedAt", m.joinedAt());
    return json;
  }

  private static void memberState(ObjectNode json, RolloutMember m) {
    json.put("state", m.state().wireName());
    json.put("reason", m.reason());
    json.put("detail", m.detail());
    if (m.progress() == null) {
      json.putNull("progress");
    } else {
      json.put("progress", m.progress());
    }
    json.put("from", m.fromVersion());
    json.put("offerId", m.offerId());
    json.put("attempt", m.attempt());
    instant(json, "offeredAt", m.offeredAt());
    instant(json, "offerExpires", m.offerExpires());
    instant(json, "deliveredAt", m.deliveredAt());
    instant(json, "updatedAt", m.updatedAt());
  }

  private static void reason(ObjectNode json, StatusReason reason) {
    if (reason == null) {
      json.putNull("reason");
      return;
    }
    ObjectNode r = json.putObject("reason");
    r.put("code", reason.code());
    r.put("detail", reason.detail());
    instant(r, "at", reason.at());
  }

  private static ObjectNode counts(Map<DeviceUpdateState, Integer> counts) {
    ObjectNode json = JSON.objectNode();
    for (DeviceUpdateState s : DeviceUpdateState.values()) {
      json.put(s.wireName(), counts.getOrDefault(s, 0));
    }
    return json;
  }

  private static void instant(ObjectNode json, String field, Instant at) {
    if (at == null) {
      json.putNull(field);
    } else {
      json.put(field, at.toString());
    }
  }
}
