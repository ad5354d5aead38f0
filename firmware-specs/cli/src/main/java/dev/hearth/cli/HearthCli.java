package dev.hearth.cli;

import dev.hearth.cli.fw.FwCommand;
import dev.hearth.cli.keys.KeysCommand;
import dev.hearth.cli.program.ProgramCommand;
import dev.hearth.cli.root.RootCommand;
import dev.hearth.specs.canonical.InvalidFieldException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code hearth} command: the composition root of the CLI. It wires the command tree and maps
 * failures to messages and exit codes, once, here.
 */
@Command(
    name = "hearth",
    description = {
      "The Hearth contributor command line: signing keys, firmware releases (pack, sign, verify),"
          + " root metadata, and program bundles (check, simulate).",
      "Run 'hearth COMMAND --help' for each command."
    },
    versionProvider = HearthCli.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      KeysCommand.class,
      FwCommand.class,
      RootCommand.class,
      ProgramCommand.class,
    })
public final class HearthCli {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print the version and exit.")
  boolean version;

  /** Runs {@code hearth} and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command tree; tests call {@code execute} on it with their own writers. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new HearthCli());
    cli.setExecutionExceptionHandler(HearthCli::onFailure);
    cli.setParameterExceptionHandler(HearthCli::onBadUsage);
    listExitCodes(cli);
    return cli;
  }

  private static void listExitCodes(CommandLine command) {
    command
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(Exit.descriptions());
    command.getSubcommands().values().forEach(HearthCli::listExitCodes);
  }

  private static int onFailure(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    if (e instanceof CommandFailure) {
      err.println("error: " + e.getMessage());
      return ((CommandFailure) e).exitCode();
    }
    if (e instanceof InvalidFieldException) {
      err.println("error: " + e.getMessage());
      return Exit.USAGE;
    }
    if (e instanceof UncheckedIOException) {
      err.println("error: " + e.getMessage() + ": " + e.getCause().getMessage());
      return Exit.IO;
    }
    err.println("internal error in hearth (please report it with what follows): " + e);
    e.printStackTrace(err);
    return Exit.BUG;
  }

  private static int onBadUsage(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    if (command.getSubcommands().isEmpty()) {
      CommandLine.Help help = command.getHelp();
      err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
      err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
    } else {
      command.usage(err);
    }
    return Exit.USAGE;
  }

  /** The version from the jar's manifest, or {@code dev} when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = HearthCli.class.getPackage().getImplementationVersion();
      return new String[] {"hearth " + (version == null ? "dev" : version)};
    }
  }
}
