package dev.hearth.cli;

import static dev.hearth.cli.Cli.hearth;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramCheckTest {

  @TempDir Path dir;

  @Test
  void theShippedWasherBundleChecks() {
    Cli.Run run = hearth("program", "check", Cli.WASHER_BUNDLE, "--profile", "open-washer@1");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("ok: 5 programs").contains("open-washer@1");
  }

  @Test
  void theProfileDefaultsToTheOneBundleYamlNamesAndMayBeAProfileFile() {
    assertThat(hearth("program", "check", Cli.WASHER_BUNDLE).exitCode()).isZero();

    Cli.Run run = hearth("program", "check", Cli.WASHER_BUNDLE, "--profile", Cli.WASHER_PROFILE);

    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  @Test
  void everyProblemOfABrokenBundleIsPrintedAtItsFileLineAndField() throws IOException {
    Path bundle = Bundles.copyOfWasher(dir);
    Bundles.edit(
        bundle.resolve("programs/quick-30.yaml"),
        "do: [lock, tumble-reverse(rpm=50)]",
        "do: [lock, tumble-reverse(rpm=50), steam]");
    Bundles.edit(bundle.resolve("programs/quick-30.yaml"), "max: 800, default: 800", "max: 2000");

    Cli.Run run = hearth("program", "check", bundle);

    assertThat(run.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(run.out())
        .containsPattern(
            "(?m)^.*programs/quick-30\\.yaml:\\d+:\\d+: steps\\[\\d+]\\.do\\[2]: unknown capability"
                + " 'steam'.*$")
        .containsPattern("(?m)^.*programs/quick-30\\.yaml:\\d+:\\d+: .*2000.*\\[400, 1200].*$");
    assertThat(run.err()).contains("problems in");
  }

  @Test
  void aBundleZipIsCheckedLikeItsFolder() throws IOException {
    Path zip = dir.resolve("washer.zip");
    Files.write(zip, dev.hearth.specs.program.BundleFiles.fromDirectory(Cli.WASHER_BUNDLE).toZip());

    Cli.Run run = hearth("program", "check", zip);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("ok: 5 programs");
  }

  @Test
  void aBundleForAProfileThatIsNotShippedIsAProblemAtItsProfileField() throws IOException {
    Path bundle = Bundles.copyOfWasher(dir);
    Bundles.edit(bundle.resolve("bundle.yaml"), "profile: open-washer@1", "profile: open-dryer@1");

    Cli.Run run = hearth("program", "check", bundle);

    assertThat(run.exitCode()).isEqualTo(Exit.FAILED);
    assertThat(run.out())
        .containsPattern("bundle\\.yaml:4:\\d+: profile: no shipped profile 'open-dryer@1'")
        .contains("--profile path/to/profile.yaml");
  }

  @Test
  void anUnknownProfileOptionIsAUsageErrorListingTheShippedOnes() {
    Cli.Run run = hearth("program", "check", Cli.WASHER_BUNDLE, "--profile", "open-dryer@1");

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("no shipped profile 'open-dryer@1'").contains("open-washer@1");
  }

  @Test
  void aMissingBundleIsAnIoError() {
    Cli.Run run = hearth("program", "check", dir.resolve("nothing-here"));

    assertThat(run.exitCode()).isEqualTo(Exit.IO);
    assertThat(run.err()).contains("nothing-here").contains("no such folder or zip");
  }

  @Test
  void aFolderWithoutBundleYamlIsNotABundle() {
    Cli.Run run = hearth("program", "check", dir);

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("no bundle.yaml");
  }
}
