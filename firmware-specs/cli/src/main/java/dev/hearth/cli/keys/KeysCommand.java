package dev.hearth.cli.keys;

import dev.hearth.cli.support.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hearth keys}: the signing keys of contributors, maintainers and root key holders. */
@Command(
    name = "keys",
    header = "Create Ed25519 signing keys.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {GenerateKeyCommand.class})
public final class KeysCommand {

  @Mixin HelpOption help;
}
