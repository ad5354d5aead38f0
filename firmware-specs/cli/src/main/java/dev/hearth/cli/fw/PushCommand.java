package dev.hearth.cli.fw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.cli.CommandFailure;
import dev.hearth.cli.Exit;
import dev.hearth.cli.hub.ArtifactUpload;
import dev.hearth.cli.hub.HubClient;
import dev.hearth.cli.hub.HubOptions;
import dev.hearth.cli.hub.Progress;
import dev.hearth.cli.support.HelpOption;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.manifest.ManifestCodec;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.TrustVerifier;
import dev.hearth.specs.trust.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth fw push}: upload a signed revision's artifact and submit it for review. */
@Command(
    name = "push",
    header = "Upload a signed revision to a hub for validation and review.",
    description = {
      "Upload the artifact (resuming where an interrupted push stopped), then submit the signed"
          + " manifest. The hub checks the signatures and, for a program bundle, the programs,"
          + " and simulates every program with the profile's standard faults before maintainers"
          + " review it.",
      "Log in to the hub first and give the session token with --token, --token-file or"
          + " HEARTH_TOKEN; your key must be registered on your account (POST /api/v1/keys)."
    })
public final class PushCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin HubOptions hub;

  @Parameters(
      index = "0",
      paramLabel = "MANIFEST",
      description = "The signed manifest file (hearth fw sign).")
  Path manifestPath;

  @Option(
      names = "--artifact",
      required = true,
      paramLabel = "FILE",
      description = "The artifact the manifest names: the bundle zip or the agent jar.")
  Path artifact;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      defaultValue = "AUTO",
      description =
          "How to show the upload: AUTO (a bar on a terminal, lines otherwise), BAR or PLAIN.")
  Progress.Mode progress;

  @Option(
      names = "--chunk-size",
      paramLabel = "BYTES",
      hidden = true,
      defaultValue = "" + ArtifactUpload.DEFAULT_CHUNK_BYTES,
      description = "Bytes per upload request.")
  int chunkSize;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ManifestFile file = ManifestFile.read(manifestPath);
    SignedEnvelope envelope =
        file.envelope()
            .orElseThrow(
                () ->
                    CommandFailure.usage(
                        manifestPath
                            + " is not signed; sign it first: hearth fw sign "
                            + manifestPath
                            + " --key YOUR.key"));
    Manifest manifest = ManifestCodec.read(envelope.signed()).orElseThrow();
    checkArtifact(manifest);
    if (chunkSize < 1) {
      throw CommandFailure.usage("--chunk-size must be 1 byte or more");
    }
    HubClient client = hub.client();

    out.println(
        "pushing "
            + manifest.name()
            + " "
            + manifest.version()
            + " ("
            + manifest.kind()
            + ", "
            + manifest.artifact().size()
            + " bytes) to "
            + client.base());
    new ArtifactUpload(
            client,
            artifact,
            manifest.artifact().sha256(),
            manifest.artifact().size(),
            chunkSize,
            out,
            progress)
        .run();

    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("manifest", EnvelopeCodec.toJson(envelope));
    body.put("sha256", manifest.artifact().sha256());
    HubClient.Response response = client.json("POST", "/api/v1/revisions", body);
    if (response.status() == 400 && response.problemSlug().equals("invalid-revision")) {
      out.println(response.problem());
      response
          .json()
          .path("errors")
          .forEach(
              e ->
                  out.println(
                      "  " + e.path("pointer").asText() + ": " + e.path("detail").asText()));
      return Exit.FAILED;
    }
    JsonNode revision = response.requireOk().json();
    String id = revision.path("id").asText();
    out.println(
        (response.status() == 201 ? "submitted " : "already submitted ")
            + id
            + ": "
            + revision.path("status").asText()
            + (revision.path("status").asText().equals("validating")
                ? " (the hub simulates every program with the profile's standard faults)"
                : ""));
    out.println("review: " + client.base().resolve("/api/v1/revisions/" + id));
    return Exit.OK;
  }

  private void checkArtifact(Manifest manifest) {
    Verdict verdict;
    try {
      verdict = new TrustVerifier(Clock.systemUTC()).verifyArtifact(manifest, artifact);
    } catch (IOException e) {
      throw CommandFailure.io("read", artifact, e);
    }
    if (!verdict.isAccepted()) {
      throw CommandFailure.usage(
          artifact + " is not the artifact " + manifestPath + " names: " + verdict);
    }
  }
}
