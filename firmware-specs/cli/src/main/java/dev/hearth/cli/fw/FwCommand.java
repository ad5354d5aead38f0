package dev.hearth.cli.fw;

import dev.hearth.cli.support.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hearth fw}: firmware releases, from packing to verifying. */
@Command(
    name = "fw",
    header = "Pack, sign, verify, push and approve firmware releases.",
    description = {
      "A release is its manifest (name, kind, version, profiles, minimum agent version, artifact"
          + " SHA-256 and size, changelog, expiry) signed by its author and by the profile's"
          + " quorum of maintainers."
    },
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      PackCommand.class,
      SignCommand.class,
      VerifyCommand.class,
      PushCommand.class,
      ApproveCommand.class
    })
public final class FwCommand {

  @Mixin HelpOption help;
}
