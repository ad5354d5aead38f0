package dev.hearth.agent.app;

import dev.hearth.agent.cli.HearthAgentCommand;
import dev.hearth.agent.enroll.EnrollCommand;
import java.io.PrintWriter;
import picocli.CommandLine;

/** {@code hearth-agent}'s entry point. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err, System.console() != null));
  }

  /**
   * Runs the command line in this JVM and returns its exit code.
   *
   * @param tty true when {@code out} is a terminal: status lines are redrawn in place
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, boolean tty) {
    AgentApplication assembler = new AgentApplication();
    CommandLine cmd = HearthAgentCommand.commandLine(assembler, tty);
    // run and enroll live outside cli: run needs the whole agent, enroll the hub's client.
    cmd.addSubcommand("run", new RunCommand(assembler));
    cmd.addSubcommand("enroll", new EnrollCommand());
    return cmd.setOut(out).setErr(err).execute(args);
  }
}
