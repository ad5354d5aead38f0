package dev.hearth.cli.program;

import dev.hearth.cli.support.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hearth program}: working on a program bundle before it becomes a release. */
@Command(
    name = "program",
    header = "Check and simulate program bundles.",
    description = "Check program bundles against a hardware profile and run them in the simulator.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {CheckCommand.class, SimulateCommand.class})
public final class ProgramCommand {

  @Mixin HelpOption help;
}
