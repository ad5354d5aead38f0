package dev.hearth.agent.app;

import dev.hearth.agent.cli.AgentAssembler;
import dev.hearth.agent.config.AgentConfig;
import dev.hearth.agent.config.AgentConfigLoader;
import dev.hearth.agent.enroll.EnrollmentStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth-agent run}: what the systemd unit starts. Runs until SIGTERM or Ctrl-C, then says
 * goodbye to the hub and leaves every output in its safe state.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the agent: drives the appliance, reports to the hub this board enrolled with, serves "
          + "CoAP on the LAN. Stops safely on SIGTERM or Ctrl-C.",
      "Needs an enrollment first: hearth-agent enroll --hub <url>."
    })
final class RunCommand implements Callable<Integer> {

  /** How long SIGTERM waits for the goodbye to the hub and the safe state. */
  static final java.time.Duration SHUTDOWN_GRACE = java.time.Duration.ofSeconds(20);

  /** Exit code when the configuration or the enrollment is not usable. */
  static final int NOT_READY = 2;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "agent.yaml (default: ${DEFAULT-VALUE})")
  Path config = AgentConfig.DEFAULT_FILE;

  @Spec CommandSpec spec;

  private final AgentAssembler assembler;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  RunCommand(AgentAssembler assembler) {
    this.assembler = assembler;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AgentConfigLoader.Result loaded = AgentConfigLoader.load(config);
    if (loaded instanceof AgentConfigLoader.Invalid invalid) {
      err.print(invalid.describe());
      err.flush();
      return NOT_READY;
    }
    AgentConfig agentConfig = ((AgentConfigLoader.Loaded) loaded).config();
    EnrollmentStore.Loaded enrollment = new EnrollmentStore(agentConfig.stateDir()).load();
    if (enrollment instanceof EnrollmentStore.Unusable unusable) {
      err.println("hearth-agent: " + unusable.why());
      return NOT_READY;
    }
    if (!(enrollment instanceof EnrollmentStore.Present present)) {
      err.println(
          "hearth-agent: this board is not enrolled yet (no "
              + agentConfig.stateDir().resolve("enrollment.json")
              + "); run: hearth-agent enroll --hub <url> [--claim <code>]");
      return NOT_READY;
    }
    try (ConnectedAgent agent =
        ConnectedAgent.start(agentConfig, present.enrollment(), assembler)) {
      out.println(
          "hearth-agent: running "
              + agent.appliance().profile().ref()
              + " as "
              + present.enrollment().deviceId().value()
              + ", hub "
              + present.enrollment().mqtt().uri());
      out.flush();
      // The JVM waits for shutdown hooks, not for this thread: the hook holds the exit until
      // the link has said goodbye and the outputs are safe.
      Thread hook = new Thread(this::stopAndAwaitClose, "hearth-agent-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      stopped.await();
      out.println("hearth-agent: stopping; every output goes to its safe state");
      out.flush();
    } finally {
      closed.countDown();
    }
    return 0;
  }

  /** Ends a running {@link #call()} as SIGTERM would; for tests and embedding. */
  void stop() {
    stopped.countDown();
  }

  private void stopAndAwaitClose() {
    stopped.countDown();
    try {
      closed.await(SHUTDOWN_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
