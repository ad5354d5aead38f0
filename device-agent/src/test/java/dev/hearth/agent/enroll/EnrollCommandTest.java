package dev.hearth.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.enroll.Fixtures.ManualTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** hearth-agent enroll, run through picocli as the CLI runs it. */
class EnrollCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ManualTime time = new ManualTime();
  private Path config;
  private Path stateDir;
  private StandInHub hub;

  @BeforeEach
  void board() throws IOException {
    Path root = dir.resolve("root");
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/machine-id"), "0123456789abcdef0123456789abcdef\n");
    stateDir = dir.resolve("state");
    config = Files.writeString(dir.resolve("agent.yaml"), "stateDir: " + stateDir + "\n");
  }

  @AfterEach
  void stopHub() {
    if (hub != null) {
      hub.close();
    }
  }

  private int run(String... args) {
    EnrollCommand command = new EnrollCommand();
    command.systemRoot = dir.resolve("root");
    command.clock = time;
    command.pause = time;
    command.random = new SplittableRandom(11);
    command.agentVersion = Fixtures.VERSION;
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void enrollsWithAnOwnerIssuedCode() {
    hub = StandInHub.start(Fixtures.enrolled());

    int status =
        run("--hub", hub.url().toString(), "--claim", "k7m2 9qxd", "--profile", "open-washer@1");

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Enrolled as wsh-7f3a2c with " + hub.url())
        .contains(stateDir.resolve("enrollment.json").toString())
        .contains("systemctl restart hearth-agent")
        .doesNotContain("Claim code");
    assertThat(hub.received().get(0).body().get("hardwareId").asText())
        .isEqualTo("machine:0123456789abcdef0123456789abcdef");
  }

  @Test
  void withoutAClaimItPrintsAFreshCodeAndItsQrCodeAndWaitsForTheOwner() {
    hub = StandInHub.start(StandInHub.pending(5), StandInHub.pending(5), Fixtures.enrolled());

    int status = run("--hub", hub.url().toString(), "--profile", "open-washer@1", "--wait", "10m");

    assertThat(status).as(err.toString()).isZero();
    String code = hub.received().get(0).body().get("claimCode").asText();
    assertThat(out.toString())
        .contains("Claim code for this open-washer@1: " + code)
        .contains("█")
        .contains("Waiting up to 10 min")
        .contains("waiting for the owner to claim it")
        .contains("Enrolled as wsh-7f3a2c");
    assertThat(hub.received())
        .extracting(r -> r.body().get("claimCode").asText())
        .containsOnly(code);
  }

  @Test
  void anEnrolledBoardDoesNotEnrollAgainUnlessForced() {
    hub = StandInHub.start(Fixtures.enrolled(), Fixtures.enrolled());
    String[] args = {
      "--hub", hub.url().toString(), "--claim", "K7M2-9QXD", "--profile", "open-washer@1"
    };
    assertThat(run(args)).isZero();

    assertThat(run(args)).isZero();
    assertThat(out.toString()).contains("Already enrolled as wsh-7f3a2c").contains("--force");
    assertThat(hub.received()).hasSize(1);

    List<String> forced = new ArrayList<>(List.of(args));
    forced.add("--force");
    assertThat(run(forced.toArray(String[]::new))).isZero();
    assertThat(hub.received()).hasSize(2);
  }

  @Test
  void aRefusalIsExplainedAndExitsWithOne() {
    hub = StandInHub.start(StandInHub.problem(409, "Claim code already used", "by wsh-000001"));

    int status =
        run("--hub", hub.url().toString(), "--claim", "K7M2-9QXD", "--profile", "open-washer@1");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "Not enrolled: the hub refused (HTTP 409): Claim code already used — by wsh-000001");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(
            run(
                "--hub",
                "http://hub.example.org",
                "--claim",
                "K7M2-9QXD",
                "--profile",
                "open-washer@1"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("must start with https://");
    assertThat(
            run(
                "--hub",
                "https://hub.example.org",
                "--claim",
                "K7M2",
                "--profile",
                "open-washer@1"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("a claim code has 8 characters");
    assertThat(run("--hub", "https://hub.example.org", "--claim", "K7M2-9QXD")).isEqualTo(2);
    assertThat(err.toString()).contains("Which appliance? Pass --profile");
    assertThat(run("--claim", "K7M2-9QXD", "--profile", "open-washer@1")).isEqualTo(2);
    assertThat(err.toString()).contains("Which hub?");
    assertThat(run("--wait", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("'soon' is not a time");
  }

  @Test
  void aBadConfigIsReportedWithItsLine() throws IOException {
    Files.writeString(config, "link:\n  keepalive: -3\n");
    assertThat(run("--hub", "https://hub.example.org")).isEqualTo(1);
    assertThat(err.toString())
        .contains("agent.yaml:2:3: link.keepalive: -3 — must be 5..3600 seconds");
  }

  @Test
  void firstBootEnrollsFromTheBootFile() throws IOException {
    hub = StandInHub.start(Fixtures.enrolled());
    Path bootFile =
        Files.writeString(
            dir.resolve("hearth.yaml"),
            "hub: " + hub.url() + "\nclaim: K7M2-9QXD\nprofile: open-washer@1\n");

    assertThat(run("--first-boot", "--boot-file", bootFile.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Enrolled as wsh-7f3a2c").contains("hearth.yaml.done");
    assertThat(bootFile).doesNotExist();

    assertThat(run("--first-boot", "--boot-file", bootFile.toString())).isZero();
    assertThat(out.toString()).contains("No hearth.yaml");
  }
}
