package dev.hearth.hub.catalog.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.catalog.ProgramDiff;
import dev.hearth.hub.catalog.ReviewStatus;
import dev.hearth.hub.catalog.RevisionDetail;
import dev.hearth.hub.catalog.TrustedRoot;
import dev.hearth.hub.catalog.UploadState;
import dev.hearth.hub.catalog.store.RegisteredKey;
import dev.hearth.hub.catalog.store.ReleaseRecord;
import dev.hearth.hub.catalog.store.ReportRecord;
import dev.hearth.hub.catalog.store.RevisionRecord;
import dev.hearth.hub.catalog.store.SignatureRecord;
import dev.hearth.hub.store.Device;
import dev.hearth.specs.trust.RootMetadata;
import java.util.List;

/** The catalog's answers as JSON, one method per resource shape in the OpenAPI document. */
final class CatalogJson {

  private CatalogJson() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static String artifactPath(String sha256) {
    return "/api/v1/artifacts/" + sha256;
  }

  static ObjectNode key(RegisteredKey key, RootMetadata root) {
    ObjectNode json = object();
    json.put("keyid", key.keyid());
    json.put("public", key.publicKey());
    json.put("owner", key.label());
    json.put("registeredAt", key.registeredAt().toString());
    ArrayNode roles = json.putArray("roles");
    if (root.root().contains(key.keyid())) {
      roles.add("root");
    }
    if (root.contributors().contains(key.keyid())) {
      roles.add("contributor");
    }
    root.profiles().entrySet().stream()
        .filter(e -> e.getValue().contains(key.keyid()))
        .map(e -> "maintainer:" + e.getKey())
        .sorted()
        .forEach(roles::add);
    json.put("rootVersion", root.version());
    return json;
  }

  static ObjectNode root(TrustedRoot root) {
    ObjectNode json = object();
    json.put("version", root.version());
    json.put("expires", root.metadata().expires().toString());
    json.set(
        "root",
        JsonIo.stored(new String(root.document(), java.nio.charset.StandardCharsets.UTF_8)));
    return json;
  }

  static ObjectNode upload(UploadState state) {
    ObjectNode json = object();
    if (state.id() == null) {
      json.putNull("id");
    } else {
      json.put("id", state.id());
    }
    json.put("sha256", state.sha256());
    json.put("size", state.size());
    json.put("offset", state.offset());
    json.put("complete", state.complete());
    json.put("artifact", artifactPath(state.sha256()));
    return json;
  }

  static ObjectNode summary(RevisionRecord r) {
    ObjectNode json = object();
    json.put("id", r.id());
    json.put("name", r.name());
    json.put("kind", r.kind());
    json.put("version", r.version());
    r.profiles().forEach(json.putArray("profiles")::add);
    json.put("status", r.status().id());
    json.put("changelog", r.changelog());
    json.put("author", r.authorKeyid());
    json.put("submittedBy", r.submittedBy());
    json.put("submittedAt", r.submittedAt().toString());
    json.putObject("artifact")
        .put("sha256", r.sha256())
        .put("size", r.size())
        .put("url", artifactPath(r.sha256()));
    return json;
  }

  static ObjectNode page(List<RevisionRecord> revisions) {
    ObjectNode json = object();
    ArrayNode items = json.putArray("items");
    revisions.forEach(r -> items.add(summary(r)));
    json.putNull("next");
    return json;
  }

  static ObjectNode detail(RevisionDetail d) {
    ObjectNode json = summary(d.revision());
    json.set("manifest", JsonIo.stored(d.revision().envelope()));
    ArrayNode signatures = json.putArray("signatures");
    for (SignatureRecord s : d.signers()) {
      signatures
          .addObject()
          .put("keyid", s.keyid())
          .put("holder", d.holders().getOrDefault(s.keyid(), "unknown"))
          .put("account", s.ownerId())
          .put("role", s.role())
          .put("signedAt", s.signedAt().toString());
    }
    ArrayNode reviews = json.putArray("reviews");
    d.reviews().forEach(r -> reviews.add(review(r)));
    ArrayNode reports = json.putArray("reports");
    d.reports().forEach(r -> reports.add(report(r)));
    json.putObject("reportSummary")
        .put("runs", d.reports().size())
        .put("passed", d.reports().stream().filter(ReportRecord::passed).count());
    json.set("releases", releases(d.releases()));
    if (d.diff().isPresent()) {
      json.set("diff", diff(d.diff().get()));
    } else {
      json.putNull("diff");
    }
    return json;
  }

  /** A released revision as an owner browsing one device sees it. */
  static ObjectNode forDevice(RevisionDetail d, Device device) {
    ObjectNode json = summary(d.revision());
    json.set("releases", releases(d.releases()));
    ArrayNode reviews = json.putArray("reviews");
    d.reviews().stream()
        .filter(r -> r.profile().equals(device.profile()))
        .forEach(r -> reviews.add(review(r)));
    json.put(
        "installed",
        d.revision().kind().equals("program")
            && d.revision().name().equals(device.firmwareName())
            && d.revision().version().equals(device.firmwareVersion()));
    return json;
  }

  static ObjectNode release(ReleaseRecord r) {
    return object()
        .put("revisionId", r.revisionId())
        .put("channel", r.channel())
        .put("releasedBy", r.releasedBy())
        .put("releasedAt", r.releasedAt().toString());
  }

  private static ArrayNode releases(List<ReleaseRecord> releases) {
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    releases.forEach(r -> json.add(release(r)));
    return json;
  }

  private static ObjectNode review(ReviewStatus r) {
    ObjectNode json = object();
    json.put("profile", r.profile());
    json.put("threshold", r.threshold());
    ArrayNode approvals = json.putArray("approvals");
    r.approvals()
        .forEach(a -> approvals.addObject().put("keyid", a.keyid()).put("holder", a.holder()));
    json.put("met", r.met());
    json.put("verdict", r.verdict());
    return json;
  }

  private static ObjectNode report(ReportRecord r) {
    ObjectNode json = (ObjectNode) JsonIo.stored(r.json());
    json.put("seq", r.seq());
    return json;
  }

  private static ObjectNode diff(ProgramDiff diff) {
    ObjectNode json = object();
    // No previous revision but a previous version: the bundle the agent ships.
    json.put("previousRevisionId", diff.previousRevisionId());
    json.put("previousVersion", diff.previousVersion());
    ArrayNode files = json.putArray("files");
    diff.files()
        .forEach(
            f ->
                files
                    .addObject()
                    .put("path", f.path())
                    .put("change", f.change())
                    .put("unified", f.unified()));
    return json;
  }
}
