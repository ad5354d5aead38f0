package dev.hearth.cli.program;

import dev.hearth.cli.Exit;
import dev.hearth.cli.support.BundleSource;
import dev.hearth.cli.support.HelpOption;
import dev.hearth.specs.program.ProgramBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth program check}: every problem of a bundle, at its file, line and field. */
@Command(
    name = "check",
    header = "Check a bundle against a hardware profile; list every problem.",
    description = {
      "Check a program bundle statically against a hardware profile: unknown capabilities or"
          + " channels, parameters outside the profile's ranges, steps without a timeout,"
          + " unreachable steps, missing fault handling, ...",
      "Prints every problem as file:line:column: field: message and exits 1, or prints"
          + " 'ok: N programs'."
    })
public final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Parameters(
      index = "0",
      paramLabel = "BUNDLE",
      description = "A bundle folder (bundle.yaml and programs/*.yaml) or a bundle zip.")
  Path bundle;

  @Option(
      names = {"--profile", "--profile-file"},
      paramLabel = "PROFILE",
      description =
          "A shipped profile (open-washer@1, or its id) or the path to a profile.yaml"
              + " (default: the profile bundle.yaml names).")
  String profile;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    BundleSource.Checked checked = BundleSource.open(bundle).check(profile);
    if (checked instanceof BundleSource.Problems problems) {
      problems.problems().forEach(stdout::println);
      int n = problems.problems().size();
      spec.commandLine()
          .getErr()
          .println(n + (n == 1 ? " problem" : " problems") + " in " + bundle);
      return Exit.FAILED;
    }
    ProgramBundle checkedBundle = ((BundleSource.Ok) checked).bundle();
    int n = checkedBundle.programs().size();
    stdout.println(
        "ok: "
            + n
            + (n == 1 ? " program" : " programs")
            + " in "
            + checkedBundle.name()
            + " "
            + checkedBundle.version()
            + " for "
            + checkedBundle.profile());
    return Exit.OK;
  }
}
