package dev.hearth.cli.fw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.cli.CommandFailure;
import dev.hearth.cli.Exit;
import dev.hearth.cli.hub.HubClient;
import dev.hearth.cli.hub.HubOptions;
import dev.hearth.cli.support.HelpOption;
import dev.hearth.cli.support.KeyReference;
import dev.hearth.specs.canonical.Parsed;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestCodec;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeySignature;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth fw approve}: a maintainer's approval of a revision on a hub, signed locally. */
@Command(
    name = "approve",
    header = "Approve a revision on a hub by signing its manifest with your key.",
    description = {
      "Fetch the revision's manifest from the hub, sign it here with your private key (it never"
          + " leaves this machine) and send the signature. The hub checks it against your"
          + " registered key; once the profile's quorum of maintainers signed, the revision can be"
          + " released.",
      "Review first: the hub shows the changelog, the diff against the previous release and the"
          + " simulator reports at /api/v1/revisions/ID."
    })
public final class ApproveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin HubOptions hub;

  @Parameters(index = "0", paramLabel = "REVISION", description = "The revision id (rev-...).")
  String revisionId;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY",
      description = "Your private key file (.key).")
  Path keyFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SigningKey key = KeyReference.signingKey(keyFile);
    KeyReference.warnIfExposed(keyFile, spec.commandLine().getErr());
    if (!revisionId.matches("[A-Za-z0-9._-]{1,64}")) {
      throw CommandFailure.usage(
          "'" + revisionId + "' is not a revision id such as rev-3f9c0a7d21b4");
    }
    HubClient client = hub.client();
    JsonNode revision =
        client.json("GET", "/api/v1/revisions/" + revisionId, null).requireOk().json();
    Parsed<SignedEnvelope> envelope = EnvelopeCodec.read(revision.path("manifest"));
    if (envelope instanceof Parsed.Invalid<SignedEnvelope> invalid) {
      throw CommandFailure.failed(
          "the hub served a manifest that does not parse: " + invalid.message());
    }
    Manifest manifest = ManifestCodec.read(envelope.orElseThrow().signed()).orElseThrow();
    JsonNode reports = revision.path("reportSummary");
    out.println(
        "reviewing "
            + revisionId
            + ": "
            + manifest.name()
            + " "
            + manifest.version()
            + " ("
            + manifest.kind()
            + ") for "
            + manifest.profiles()
            + "; simulator: "
            + reports.path("passed").asInt()
            + " of "
            + reports.path("runs").asInt()
            + " runs passed");

    KeySignature signature =
        new Signer(key)
            .addSignature(envelope.orElseThrow()).signatures().stream()
                .filter(s -> s.keyid().equals(key.keyid()))
                .findFirst()
                .orElseThrow();
    var body =
        JsonNodeFactory.instance
            .objectNode()
            .put("keyid", signature.keyid())
            .put("sig", signature.sig());
    JsonNode approved =
        client
            .json("POST", "/api/v1/revisions/" + revisionId + "/signatures", body)
            .requireOk()
            .json();
    out.println("approved " + revisionId + " with key " + key.keyid().substring(0, 8) + "…");
    for (JsonNode review : approved.path("reviews")) {
      out.println(
          "  "
              + review.path("profile").asText()
              + ": "
              + review.path("approvals").size()
              + " of "
              + review.path("threshold").asInt()
              + " maintainer approvals"
              + (review.path("met").asBoolean() ? " (quorum met: it can be released)" : ""));
    }
    return Exit.OK;
  }
}
