package dev.hearth.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hardware.source.Problem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** agent.yaml is read strictly; every bad value is reported with its line, key and a fix. */
class AgentConfigLoaderTest {

  private static final Path BASE = Path.of("/etc/hearth");

  @TempDir Path dir;

  private static AgentConfig loaded(String text) {
    AgentConfigLoader.Result result = AgentConfigLoader.parse("agent.yaml", text, BASE);
    assertThat(result)
        .as(() -> result instanceof AgentConfigLoader.Invalid i ? i.describe() : "")
        .isInstanceOf(AgentConfigLoader.Loaded.class);
    return ((AgentConfigLoader.Loaded) result).config();
  }

  private static List<Problem> problems(String text) {
    AgentConfigLoader.Result result = AgentConfigLoader.parse("agent.yaml", text, BASE);
    assertThat(result).isInstanceOf(AgentConfigLoader.Invalid.class);
    return ((AgentConfigLoader.Invalid) result).problems();
  }

  @Test
  void theShippedExampleLoadsAndSaysWhatTheDefaultsSay() throws IOException {
    Path example = Path.of("src/deb/etc/hearth/agent.yaml");
    AgentConfigLoader.Result result = AgentConfigLoader.load(example);
    assertThat(result).isInstanceOf(AgentConfigLoader.Loaded.class);
    assertThat(((AgentConfigLoader.Loaded) result).config()).isEqualTo(AgentConfig.DEFAULTS);
  }

  @Test
  void aFileWithEveryKeyCommentedOutMeansTheDefaults() {
    assertThat(loaded("# nothing yet\n\n#profile: open-washer@1\n"))
        .isEqualTo(AgentConfig.DEFAULTS);
  }

  @Test
  void everyKeyIsRead() {
    AgentConfig config =
        loaded(
            """
            profile: open-washer@1
            hardware:
              provider: simulation
              simulate: {seed: 42}
            stateDir: state
            hub:
              url: https://hub.example.org/hearth
            link:
              keepalive: 60
              reconnect: {min: 2, max: 300}
              outboxBytes: 512 KiB
              tls: {caFile: /etc/ssl/certs/ca-certificates.crt}
              telemetryQos: 0
            local:
              coap: {enabled: false, bind: 127.0.0.1, port: 15683}
            log: {level: debug}
            """);
    assertThat(config.profile()).contains(ProfileRef.parse("open-washer@1"));
    assertThat(config.hardware().provider()).isEqualTo(HardwareProvider.SIMULATION);
    assertThat(config.hardware().simulate().seed()).isEqualTo(42);
    assertThat(config.stateDir()).isEqualTo(Path.of("/etc/hearth/state"));
    assertThat(config.hub().url()).contains(URI.create("https://hub.example.org/hearth"));
    assertThat(config.link().keepalive()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.link().reconnect())
        .isEqualTo(new LinkConfig.Reconnect(Duration.ofSeconds(2), Duration.ofSeconds(300)));
    assertThat(config.link().outboxBytes()).isEqualTo(512 * 1024);
    assertThat(config.link().tls().caFile())
        .contains(Path.of("/etc/ssl/certs/ca-certificates.crt"));
    assertThat(config.link().telemetryQos()).isZero();
    assertThat(config.local().coap()).isEqualTo(new LocalConfig.Coap(false, "127.0.0.1", 15683));
    assertThat(config.log().level()).isEqualTo(LogLevel.DEBUG);
  }

  @Test
  void aBadValueNamesItsKeyItsLineAndTheFix() {
    List<Problem> problems = problems("profile: open-washer@1\nlink:\n  keepalive: -3\n");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("link.keepalive");
              assertThat(p.location().line()).isEqualTo(3);
              assertThat(p.message()).isEqualTo("-3 — must be 5..3600 seconds");
              assertThat(p.toString())
                  .isEqualTo("agent.yaml:3:3: link.keepalive: -3 — must be 5..3600 seconds");
            });
  }

  @Test
  void anUnknownKeyIsAnErrorThatListsTheKnownOnes() {
    List<Problem> problems = problems("link:\n  keepalive: 30\n  keepAlive: 30\n");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("link.keepAlive");
              assertThat(p.location().line()).isEqualTo(3);
              assertThat(p.message())
                  .contains("unknown field 'keepAlive'")
                  .contains("keepalive, outboxBytes, reconnect, telemetryQos, tls");
            });
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String text =
        """
        profile: open-fridge@1
        hardware:
          provider: wiringpi
        stateDir: [var, lib]
        hub:
          url: http://hub.example.org
        link:
          keepalive: 30s
          reconnect: {min: 60, max: 10}
          outboxBytes: 8 megs
          telemetryQos: 2
        local:
          coap: {enabled: yes please, bind: hub.local, port: 70000}
        log:
          level: verbose
        """;
    List<Problem> problems = problems(text);
    assertThat(problems)
        .extracting(Problem::field)
        .containsExactlyInAnyOrder(
            "profile",
            "hardware.provider",
            "stateDir",
            "hub.url",
            "link.keepalive",
            "link.reconnect.max",
            "link.outboxBytes",
            "link.telemetryQos",
            "local.coap.enabled",
            "local.coap.bind",
            "local.coap.port",
            "log.level");
    assertThat(problems)
        .extracting(Problem::toString)
        .contains(
            "agent.yaml:1:1: profile: open-fridge@1 — no such profile; this agent knows"
                + " open-microwave@1, open-washer@1",
            "agent.yaml:3:3: hardware.provider: 'wiringpi' — must be one of gpiod | linuxfs |"
                + " simulation",
            "agent.yaml:8:3: link.keepalive: '30s' — must be a whole number of seconds, e.g. 30",
            "agent.yaml:9:24: link.reconnect.max: 10 — must be at least link.reconnect.min (60"
                + " seconds)",
            "agent.yaml:10:3: link.outboxBytes: '8 megs' — must be a size in bytes, e.g."
                + " 8388608, 512 KiB or 8 MiB",
            "agent.yaml:4:1: stateDir: [\"var\",\"lib\"] — must be text, e.g. /var/lib/hearth",
            "agent.yaml:11:3: link.telemetryQos: 2 — must be 0 or 1 (QoS 2 is never used)",
            "agent.yaml:13:48: local.coap.port: 70000 — must be 0..65535",
            "agent.yaml:15:3: log.level: 'verbose' — must be one of error | warn | info | debug"
                + " | trace");
    assertThat(problems)
        .filteredOn(p -> p.field().equals("hub.url"))
        .singleElement()
        .extracting(Problem::message)
        .asString()
        .contains("must start with https://");
  }

  @Test
  void plainHttpIsAcceptedOnlyForAHubOnThisMachine() {
    assertThat(loaded("hub: {url: 'http://localhost:8080'}\n").hub().url())
        .contains(URI.create("http://localhost:8080"));
    assertThat(loaded("hub: {url: 'http://127.0.0.1:8080/'}\n").hub().url()).isPresent();
    assertThat(problems("hub: {url: 'http://192.168.1.10:8080'}\n")).hasSize(1);
    assertThat(problems("hub: {url: 'https://user:secret@hub.example.org'}\n"))
        .singleElement()
        .extracting(Problem::message)
        .asString()
        .doesNotContain("secret");
  }

  @Test
  void aSectionGivenAsAValueIsExplained() {
    assertThat(problems("link: 30\n"))
        .singleElement()
        .hasToString(
            "agent.yaml:1:1: link: must be a group of keys (indented below it), not a value");
  }

  @Test
  void aMissingCaFileIsReportedWithTheFix() {
    assertThat(problems("link:\n  tls:\n    caFile: hub-ca.pem\n"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("link.tls.caFile");
              assertThat(p.message())
                  .startsWith("/etc/hearth/hub-ca.pem — no such file")
                  .contains("remove the key");
            });
  }

  @Test
  void aMissingFileIsAProblemNotACrash() {
    AgentConfigLoader.Result result = AgentConfigLoader.load(dir.resolve("agent.yaml"));
    assertThat(result).isInstanceOf(AgentConfigLoader.Invalid.class);
    assertThat(((AgentConfigLoader.Invalid) result).describe()).contains("no such file");
  }

  @Test
  void syntaxErrorsAndDuplicateKeysAreLocated() {
    assertThat(problems("link:\n  keepalive: 30\n  keepalive: 40\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).startsWith("agent.yaml:3:").contains("twice"));
    assertThat(problems("link: [\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("not valid YAML"));
  }

  @Test
  void relativePathsAreResolvedAgainstTheFilesFolder() throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    Path file =
        Files.writeString(
            dir.resolve("agent.yaml"), "stateDir: state\nlink: {tls: {caFile: ca.pem}}\n");
    AgentConfig config = ((AgentConfigLoader.Loaded) AgentConfigLoader.load(file)).config();
    assertThat(config.stateDir()).isEqualTo(dir.resolve("state"));
    assertThat(config.link().tls().caFile()).isEqualTo(Optional.of(ca));
  }
}
