package dev.hearth.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.enroll.Fixtures.ManualTime;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hardware.source.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hearth.yaml on the boot partition enrolls the board by itself and is retired. */
class FirstBootTest {

  @TempDir Path boot;
  @TempDir Path stateDir;

  private final ManualTime time = new ManualTime();
  private StandInHub hub;

  @AfterEach
  void stopHub() {
    if (hub != null) {
      hub.close();
    }
  }

  private FirstBoot firstBoot(Optional<ProfileRef> configured) {
    EnrollmentStore store = new EnrollmentStore(stateDir);
    return new FirstBoot(
        List.of(boot.resolve("firmware/hearth.yaml"), boot.resolve("hearth.yaml")),
        configured,
        store,
        url ->
            new Enroller(
                HubEnrollmentClient.create(url, Optional.empty(), Fixtures.VERSION, time),
                store,
                time,
                time,
                new SplittableRandom(3)),
        Fixtures.BOARD,
        Fixtures.VERSION,
        time);
  }

  private FirstBoot.Result run(Optional<ProfileRef> configured) {
    return firstBoot(configured).run(Duration.ofMinutes(10), Enroller.Progress.quiet());
  }

  private Path bootFile(String text) throws IOException {
    // The older location, /boot/hearth.yaml, to show the fallback is searched.
    return Files.writeString(boot.resolve("hearth.yaml"), text);
  }

  @Test
  void noFileIsNothingToDo() {
    assertThat(run(Optional.empty())).isEqualTo(new FirstBoot.NoFile());
  }

  @Test
  void enrollsFromTheFileAndRetiresItWithoutTheClaimCode() throws IOException {
    hub = StandInHub.start(Fixtures.enrolled());
    Path file =
        bootFile(
            "# left by the owner\nhub: "
                + hub.url()
                + "\nclaim: k7m2-9qxd\nprofile: open-washer@1\n");

    FirstBoot.Result result = run(Optional.empty());

    assertThat(result).isInstanceOf(FirstBoot.Enrolled.class);
    FirstBoot.Enrolled enrolled = (FirstBoot.Enrolled) result;
    assertThat(enrolled.enrollment().deviceId().value()).isEqualTo("wsh-7f3a2c");
    assertThat(hub.received().get(0).body().get("claimCode").asText()).isEqualTo("K7M2-9QXD");
    assertThat(new EnrollmentStore(stateDir).isEnrolled()).isTrue();

    assertThat(file).doesNotExist();
    assertThat(enrolled.done()).isEqualTo(boot.resolve("hearth.yaml.done"));
    String done = Files.readString(enrolled.done());
    assertThat(done.toUpperCase()).doesNotContain("K7M2").doesNotContain("9QXD");
    assertThat(done).contains("hub: " + hub.url()).contains("enrolled as wsh-7f3a2c");
  }

  @Test
  void theProfileMayComeFromAgentYaml() throws IOException {
    hub = StandInHub.start(Fixtures.enrolled());
    bootFile("hub: " + hub.url() + "\nclaim: K7M2-9QXD\n");

    assertThat(run(Optional.of(Fixtures.WASHER))).isInstanceOf(FirstBoot.Enrolled.class);
    assertThat(hub.received().get(0).body().get("profile").asText()).isEqualTo("open-washer@1");
  }

  @Test
  void aWrongFileStaysAndEveryProblemIsNamedWithItsLine() throws IOException {
    Path file =
        bootFile("hub: http://hub.example.org\nclaim: K7M2-9QXU\nprofile: open-microwave@1\n");

    FirstBoot.Result result = run(Optional.of(Fixtures.WASHER));

    assertThat(result).isInstanceOf(FirstBoot.Invalid.class);
    assertThat(((FirstBoot.Invalid) result).problems())
        .extracting(Problem::toString)
        .containsExactly(
            file
                + ":1:1: hub: http://hub.example.org — must start with https:// (plain http:// is"
                + " accepted only for a hub on this machine, localhost)",
            file
                + ":2:1: claim: 'U' cannot be in a claim code: it uses the digits and the letters"
                + " A-Z without I, L, O and U, e.g. K7M2-9QXD",
            file
                + ":3:1: profile: open-microwave@1 — but /etc/hearth/agent.yaml says"
                + " open-washer@1; remove one of them");
    assertThat(file).exists();
  }

  @Test
  void anUnknownKeyIsAnErrorThatListsTheKnownOnes() throws IOException {
    bootFile("hub: https://hub.example.org\nclaim: K7M2-9QXD\nwifi: home\n");

    FirstBoot.Result result = run(Optional.of(Fixtures.WASHER));

    assertThat(((FirstBoot.Invalid) result).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("wifi");
              assertThat(p.message())
                  .contains("unknown field 'wifi'")
                  .contains("claim, hub, profile");
            });
  }

  @Test
  void aRefusalLeavesTheFileForTheOwnerToFix() throws IOException {
    hub = StandInHub.start(StandInHub.problem(404, "Unknown claim code", "expired"));
    Path file = bootFile("hub: " + hub.url() + "\nclaim: K7M2-9QXD\nprofile: open-washer@1\n");

    FirstBoot.Result result = run(Optional.empty());

    assertThat(result).isInstanceOf(FirstBoot.Failed.class);
    assertThat(((FirstBoot.Failed) result).message()).contains("HTTP 404").contains("expired");
    assertThat(file).exists();
    assertThat(new EnrollmentStore(stateDir).isEnrolled()).isFalse();
  }

  @Test
  void anEnrolledBoardRetiresTheFileWithoutAskingTheHub() throws IOException {
    hub = StandInHub.start(Fixtures.enrolled());
    bootFile("hub: " + hub.url() + "\nclaim: K7M2-9QXD\nprofile: open-washer@1\n");
    assertThat(run(Optional.empty())).isInstanceOf(FirstBoot.Enrolled.class);
    Files.delete(boot.resolve("hearth.yaml.done"));

    Path again = bootFile("hub: " + hub.url() + "\nclaim: AAAA-BBBB\nprofile: open-washer@1\n");
    FirstBoot.Result result = run(Optional.empty());

    assertThat(result).isEqualTo(new FirstBoot.AlreadyEnrolled(boot.resolve("hearth.yaml.done")));
    assertThat(again).doesNotExist();
    assertThat(Files.readString(boot.resolve("hearth.yaml.done"))).doesNotContain("AAAA");
    assertThat(hub.received()).hasSize(1);
  }
}
