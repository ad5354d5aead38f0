package dev.hearth.cli.root;

import dev.hearth.cli.support.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hearth root}: the offline root ceremony. */
@Command(
    name = "root",
    header = "Write and sign root metadata (offline root ceremony).",
    description = {
      "Write and sign root metadata offline: the keys the community trusts and what each may do"
          + " (root keys, contributors, each profile's maintainers and threshold, the hub's online"
          + " key). Devices pin it at enrollment."
    },
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {InitRootCommand.class, SignRootCommand.class})
public final class RootCommand {

  @Mixin HelpOption help;
}
