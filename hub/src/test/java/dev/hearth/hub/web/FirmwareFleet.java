package dev.hearth.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.agent.AgentVersion;
import dev.hearth.agent.app.ConnectedAgent;
import dev.hearth.agent.enroll.Enrollment;
import dev.hearth.hub.app.HubApplication;
import dev.hearth.hub.app.HubSettings;
import dev.hearth.hub.app.RunningHub;
import dev.hearth.hub.catalog.Community;
import dev.hearth.hub.demo.SimulatedBoards;
import dev.hearth.hub.gateway.GatewayConfig;
import dev.hearth.hub.registry.AccountOutcome;
import dev.hearth.hub.registry.NewAccount;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.jdbc.StoreConfig;
import dev.hearth.specs.manifest.Manifest;
import dev.hearth.specs.trust.EnvelopeCodec;
import dev.hearth.specs.trust.KeySignature;
import dev.hearth.specs.trust.SignedEnvelope;
import dev.hearth.specs.trust.Signer;
import dev.hearth.specs.trust.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A whole Hearth on loopback for the firmware lifecycle: the hub as {@code hearth-hub} composes it
 * (embedded store, MQTT gateway, catalog, rollout engine) trusting a {@link Community}'s root; a
 * contributor and two maintainers with their keys registered; an owner whose simulated washers run
 * the real agent, enrolled over HTTP and connected over MQTT. Everything goes through the public
 * HTTP API, as the CLI and the dashboard would.
 */
final class FirmwareFleet implements AutoCloseable {

  static final String PASSWORD = "correct horse battery staple";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofMinutes(3);

  final Community community;
  final RunningHub hub;
  final Session alice;
  final Session bob;
  final Session carol;
  final Session owner;
  final List<Washer> washers = new ArrayList<>();
  private final Path dir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A logged-in account. */
  record Session(String id, String email, String token) {}

  /** One simulated washer: its agent and its device id on the hub. */
  record Washer(String deviceId, ConnectedAgent agent) {}

  FirmwareFleet(Path dir) throws IOException {
    this.dir = dir;
    Clock clock = Clock.systemUTC();
    community = new Community(clock.instant());
    Path root = dir.resolve("root.json");
    Files.write(root, EnvelopeCodec.write(community.rootV1()));
    int mqttPort = freePort();
    hub =
        HubApplication.start(
            new HubSettings(
                "127.0.0.1",
                0,
                mqttPort,
                Optional.empty(),
                GatewayConfig.DISABLED,
                StoreConfig.h2File(dir.resolve("hub/hearth")),
                dir.resolve("hub"),
                root,
                URI.create("tcp://127.0.0.1:" + mqttPort),
                Optional.empty()),
            clock);
    alice = withKey(account("alice", Owner.Role.OWNER), community.alice, "alice");
    bob = withKey(account("bob", Owner.Role.MAINTAINER), community.bob, "bob");
    carol = withKey(account("carol", Owner.Role.MAINTAINER), community.carol, "carol");
    owner = account("olga", Owner.Role.OWNER);
  }

  /** Enrolls and starts {@code count} washers of the owner, on {@code channel}. */
  void addWashers(int count, String channel) {
    URI hubUrl = URI.create("http://127.0.0.1:" + hub.httpPort());
    for (int i = 0; i < count; i++) {
      int n = washers.size();
      Path state = dir.resolve("boards/" + n);
      Enrollment enrollment =
          SimulatedBoards.enroll(
              state,
              Community.WASHER,
              "e2e-board-" + n,
              hubUrl,
              hub.registry(),
              owner.id(),
              Clock.systemUTC());
      String id = enrollment.deviceId().value();
      washers.add(new Washer(id, SimulatedBoards.start(state, enrollment, n + 1)));
      ok(send("PATCH", "/api/v1/devices/" + id, owner, "{\"channel\":\"" + channel + "\"}"));
    }
  }

  // ---- the contributor's and maintainers' journey ----

  /**
   * Alice pushes the washer programs at {@code version}; the hub validates them; bob and carol
   * approve with their own keys (the profile's quorum of two); bob releases it to stable.
   *
   * @return the revision id
   */
  String publishAndRelease(String version) {
    // The agents here run from classes, so they call themselves AgentVersion.UNPACKAGED.
    return publishAndRelease(version, AgentVersion.current());
  }

  /** As {@link #publishAndRelease(String)}, for agents from {@code minAgentVersion} on. */
  String publishAndRelease(String version, String minAgentVersion) {
    String id = publishAndApprove(version, minAgentVersion);
    ok(send("POST", "/api/v1/revisions/" + id + "/releases", bob, "{\"channel\":\"stable\"}"));
    return id;
  }

  /** Alice pushes, the hub validates, bob and carol approve; not released yet. */
  String publishAndApprove(String version, String minAgentVersion) {
    byte[] zip = Community.washerBundle(version, Map.of()).toZip();
    Manifest manifest =
        community.manifest("open-washer-programs", version, Community.WASHER, zip, minAgentVersion);
    upload(alice, zip);
    ObjectNode body = JSON.createObjectNode();
    body.set("manifest", EnvelopeCodec.toJson(community.authored(manifest)));
    JsonNode submitted = ok(send("POST", "/api/v1/revisions", alice, body.toString()));
    String id = submitted.get("id").asText();
    JsonNode validated =
        await(
            () -> ok(send("GET", "/api/v1/revisions/" + id, alice, null)),
            r -> !r.get("status").asText().equals("validating"),
            "revision " + id + " validated");
    assertThat(validated.get("status").asText()).as(validated.toString()).isNotEqualTo("rejected");
    approve(bob, id, community.bob);
    approve(carol, id, community.carol);
    return id;
  }

  private void upload(Session session, byte[] artifact) {
    JsonNode state =
        ok(
            send(
                "POST",
                "/api/v1/uploads",
                session,
                "{\"sha256\":\""
                    + Community.sha256(artifact)
                    + "\",\"size\":"
                    + artifact.length
                    + "}"));
    if (state.get("complete").asBoolean()) {
      return;
    }
    HttpRequest request =
        request("/api/v1/uploads/" + state.get("id").asText(), session)
            .header("Content-Type", "application/offset+octet-stream")
            .header("Upload-Offset", "0")
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(artifact))
            .build();
    assertThat(ok(send(request)).get("complete").asBoolean()).isTrue();
  }

  private void approve(Session session, String revisionId, SigningKey key) {
    JsonNode revision = ok(send("GET", "/api/v1/revisions/" + revisionId, session, null));
    SignedEnvelope envelope = EnvelopeCodec.read(revision.get("manifest")).orElseThrow();
    KeySignature mine =
        new Signer(key)
            .addSignature(envelope).signatures().stream()
                .filter(s -> s.keyid().equals(key.keyid()))
                .findFirst()
                .orElseThrow();
    ok(
        send(
            "POST",
            "/api/v1/revisions/" + revisionId + "/signatures",
            session,
            "{\"keyid\":\"" + mine.keyid() + "\",\"sig\":\"" + mine.sig() + "\"}"));
  }

  /** Bob starts a rollout of {@code revisionId} to the stable channel; returns its id. */
  String rollout(String revisionId, String plan) {
    JsonNode created =
        ok(
            send(
                "POST",
                "/api/v1/rollouts",
                bob,
                "{\"revisionId\":\"" + revisionId + "\",\"channel\":\"stable\"," + plan + "}"));
    return created.get("id").asText();
  }

  JsonNode rolloutState(String id) {
    return ok(send("GET", "/api/v1/rollouts/" + id, bob, null));
  }

  /**
   * Waits until the rollout's status is {@code status}; fails at once, naming every device's state
   * and reason, when it settles on another.
   */
  JsonNode awaitRollout(String id, String status) {
    Set<String> settled = Set.of("completed", "paused", "cancelled");
    JsonNode last =
        await(
            () -> rolloutState(id),
            r ->
                r.get("status").asText().equals(status)
                    || settled.contains(r.get("status").asText()),
            id + " " + status);
    assertThat(last.get("status").asText())
        .as("%s; devices: %s", last, members(id))
        .isEqualTo(status);
    return last;
  }

  /** Every member of the rollout with its state. */
  List<JsonNode> members(String id) {
    List<JsonNode> all = new ArrayList<>();
    ok(send("GET", "/api/v1/rollouts/" + id + "/devices?limit=200", bob, null))
        .get("items")
        .forEach(all::add);
    return all;
  }

  // ---- plumbing ----

  private Session account(String name, Owner.Role role) {
    String email = name + "@example.test";
    AccountOutcome outcome =
        hub.registry()
            .accounts()
            .create(new NewAccount(email, name, PASSWORD.toCharArray(), Set.of(role), "UTC"));
    if (!(outcome instanceof AccountOutcome.Created created)) {
      throw new IllegalStateException("cannot create " + email + ": " + outcome);
    }
    JsonNode login =
        ok(
            send(
                request("/api/v1/auth/login", null)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build()));
    return new Session(created.owner().id(), email, login.get("token").asText());
  }

  private Session withKey(Session session, SigningKey key, String name) {
    ok(send("POST", "/api/v1/keys", session, Community.publicKeyJson(key, name)));
    return session;
  }

  HttpResponse<String> send(String method, String path, Session session, String json) {
    HttpRequest.Builder b =
        request(path, session)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return send(b.build());
  }

  private HttpRequest.Builder request(String path, Session session) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + path))
            .timeout(Duration.ofSeconds(30));
    if (session != null) {
      b.header("Authorization", "Bearer " + session.token());
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode())
        .as(response.request().method() + " " + response.uri() + ": " + response.body())
        .isBetween(200, 299);
    try {
      return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what + "; " + last);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = read.get();
    }
    return last;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (Washer w : washers) {
      try {
        w.agent().close();
      } catch (RuntimeException e) {
        // the others still stop
      }
    }
    hub.close();
  }
}
