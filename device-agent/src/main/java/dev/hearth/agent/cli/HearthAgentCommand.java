package dev.hearth.agent.cli;

import dev.hearth.agent.hal.HardwareException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hearth-agent}: the root command. Every subcommand is listed here and nowhere else; adding
 * one is adding its class to {@code subcommands}.
 */
@Command(
    name = "hearth-agent",
    mixinStandardHelpOptions = true,
    versionProvider = AgentVersion.class,
    description = {
      "The Hearth agent: drives an open-hardware appliance safely through its profile's "
          + "interlocks, runs its programs and reports to a Hearth hub.",
      "Without hardware, 'hearth-agent simulate open-washer@1' runs the same agent on a "
          + "simulated appliance."
    },
    subcommands = {
      SimulateCommand.class,
      SelftestCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class HearthAgentCommand implements Callable<Integer> {

  /** Exit code of a run that ended badly: a faulted cycle, a refused start, a failed self-test. */
  public static final int FAILED = 1;

  /** Exit code after Ctrl-C (128 + SIGINT), as a shell reports it. */
  public static final int INTERRUPTED = 130;

  private final AgentAssembler assembler;
  private final boolean tty;

  @Spec CommandSpec spec;

  /**
   * @param assembler builds the agents the subcommands run
   * @param tty true when standard output is a terminal (live status lines are redrawn in place)
   */
  public HearthAgentCommand(AgentAssembler assembler, boolean tty) {
    this.assembler = assembler;
    this.tty = tty;
  }

  /** The command line, ready to {@link CommandLine#execute}. */
  public static CommandLine commandLine(AgentAssembler assembler, boolean tty) {
    CommandLine cmd = new CommandLine(new HearthAgentCommand(assembler, tty));
    cmd.setExecutionExceptionHandler(
        (e, failed, parsed) -> {
          // Expected failures get one line; anything else is a bug and keeps its stack trace.
          if (e instanceof HardwareException || e instanceof IllegalArgumentException) {
            failed.getErr().println("hearth-agent: " + e.getMessage());
            failed.getErr().flush();
            return FAILED;
          }
          throw e;
        });
    return cmd;
  }

  AgentAssembler assembler() {
    return assembler;
  }

  boolean tty() {
    return tty;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("hearth-agent: say what to do, e.g. 'hearth-agent simulate open-washer@1'");
    spec.commandLine().usage(err);
    return CommandLine.ExitCode.USAGE;
  }
}
