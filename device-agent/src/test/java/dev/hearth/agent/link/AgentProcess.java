package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@link ScriptedAgentMain} in a JVM of its own, talked to over its standard input and output. */
final class AgentProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final Writer stdin;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

  private AgentProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (var out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("@@ ")) {
                    answers.add(line.substring(3));
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "agent-process-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the scripted agent; its log goes to {@code log}. */
  static AgentProcess start(Path log, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    // The heap the agent is meant to run in (issue 3: -Xmx32m), and a quick start.
    command.add("-Xmx32m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ScriptedAgentMain.class.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new AgentProcess(process, log);
  }

  /** Sends {@code command} and returns the answer. */
  String request(String command, Duration timeout) throws IOException, InterruptedException {
    stdin.write(command + "\n");
    stdin.flush();
    String answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (answer == null) {
      fail(
          "the agent did not answer '%s' within %s; its log:%n%s",
          command, timeout, Files.readString(log));
    }
    return answer;
  }

  /** {@code kill -9}: no shutdown hook, no flush, no DISCONNECT. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
