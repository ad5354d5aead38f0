package dev.hearth.agent.app;

import dev.hearth.agent.cli.HearthAgentCommand;
import java.io.PrintWriter;

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
    return HearthAgentCommand.commandLine(new AgentApplication(), tty)
        .setOut(out)
        .setErr(err)
        .execute(args);
  }
}
