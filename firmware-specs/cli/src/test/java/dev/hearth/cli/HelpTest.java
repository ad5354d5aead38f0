package dev.hearth.cli;

import static dev.hearth.cli.Cli.hearth;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Every command answers {@code --help}; usage errors exit 2 and say what to do. */
class HelpTest {

  @TestFactory
  Stream<DynamicTest> everyCommandAnswersHelpWithExitZero() {
    List<List<String>> commands = new ArrayList<>();
    collect(HearthCli.commandLine(), new ArrayList<>(), commands);
    assertThat(commands)
        .extracting(c -> String.join(" ", c))
        .contains(
            "keys generate",
            "fw pack",
            "fw sign",
            "fw verify",
            "root init",
            "root sign",
            "program check",
            "program simulate");
    return commands.stream()
        .map(
            path ->
                DynamicTest.dynamicTest(
                    "hearth " + String.join(" ", path) + " --help",
                    () -> {
                      List<Object> args = new ArrayList<>(path);
                      args.add("--help");
                      Cli.Run run = hearth(args.toArray());
                      assertThat(run.exitCode()).as(run.toString()).isZero();
                      assertThat(run.out())
                          .contains(
                              String.join(" ", "Usage:", "hearth", String.join(" ", path)).strip())
                          .contains("Exit codes:");
                      assertThat(run.err()).isEmpty();
                    }));
  }

  @Test
  void theRootHelpDocumentsTheExitCodes() {
    Cli.Run run = hearth("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("keys", "fw", "root", "program")
        .contains("Exit codes:")
        .containsPattern("0 +ok")
        .containsPattern("1 +failed")
        .containsPattern("2 +usage error")
        .containsPattern("3 +I/O error");
  }

  @Test
  void aGroupWithoutItsCommandIsAUsageErrorListingTheCommands() {
    Cli.Run run = hearth("fw");

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err())
        .contains("Missing required subcommand")
        .contains("pack", "sign", "verify");
  }

  @Test
  void aMistypedCommandIsAUsageErrorWithSuggestions() {
    Cli.Run run = hearth("program", "simulte");

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("simulte").contains("simulate");
  }

  @Test
  void aMissingOptionNamesItAndPointsAtTheHelp() {
    Cli.Run run = hearth("fw", "verify", "manifest.json", "--profile", "open-washer@1");

    assertThat(run.exitCode()).isEqualTo(Exit.USAGE);
    assertThat(run.err())
        .contains("Missing required option: '--root=ROOT'")
        .contains("Run 'hearth fw verify --help'");
  }

  @Test
  void versionPrintsTheVersion() {
    Cli.Run run = hearth("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("hearth ");
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
    out.add(List.copyOf(path));
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> deeper = new ArrayList<>(path);
              deeper.add(name);
              collect(sub, deeper, out);
            });
  }
}
