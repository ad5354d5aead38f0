package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link UpdatingAgentMain} started the way systemd starts the agent on a board: through the real
 * {@code src/deb/bin/hearth-agent} wrapper, which reads the agent slots to choose the jar. A small
 * stand-in for {@code java} records the jar it chose and starts the test main with the wrapper's
 * options instead. {@code kill()} is {@code kill -9}.
 */
final class WrappedAgent implements AutoCloseable {

  static final Path WRAPPER = Path.of("src/deb/bin/hearth-agent");
  static final Duration WAIT = Duration.ofSeconds(60);

  private static final String JAVA_STAND_IN =
      "#!/bin/sh\n"
          + "# Stands in for java: keeps the wrapper's options, records the jar it chose and\n"
          + "# starts the test's agent main instead of it.\n"
          + "opts=\"\"\n"
          + "while [ \"$#\" -gt 0 ]; do\n"
          + "  if [ \"$1\" = -jar ]; then\n"
          + "    printf '%s\\n' \"$2\" >> \"$HEARTH_TEST_JARS\"\n"
          + "    shift 2\n"
          + "    break\n"
          + "  fi\n"
          + "  opts=\"$opts $1\"\n"
          + "  shift\n"
          + "done\n"
          + "exec \"$HEARTH_TEST_JAVA\" $opts -cp \"$HEARTH_TEST_CLASSPATH\" "
          + UpdatingAgentMain.class.getName()
          + " \"$@\"\n";

  private final Process process;
  private final Path log;
  private final Writer stdin;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

  private WrappedAgent(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (var out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.startsWith("@@ ")) {
                    answers.add(line.substring(3));
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "wrapped-agent-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts the wrapper on {@code stateDir} as systemd would ({@code hearth-agent run ...}).
   *
   * @param env extra environment, e.g. {@code HEARTH_TEST_BROKEN_SLOT=a}
   */
  static WrappedAgent start(
      Path stateDir, String broker, String device, String pauseAt, String... env)
      throws IOException {
    Path javaStandIn = stateDir.resolveSibling("java-stand-in");
    if (!Files.exists(javaStandIn)) {
      Files.writeString(javaStandIn, JAVA_STAND_IN);
      Files.setPosixFilePermissions(javaStandIn, PosixFilePermissions.fromString("rwx------"));
    }
    Path log = stateDir.resolveSibling("agent.log");
    var builder =
        new ProcessBuilder(
                "/bin/sh", WRAPPER.toString(), "run", stateDir.toString(), broker, device, pauseAt)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    var environment = builder.environment();
    environment.put("JAVA", javaStandIn.toString());
    environment.put("HEARTH_STATE_DIR", stateDir.toString());
    environment.put("HEARTH_SHIPPED_JAR", "/usr/share/hearth/hearth-agent.jar");
    environment.put(
        "HEARTH_TEST_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    environment.put("HEARTH_TEST_CLASSPATH", System.getProperty("java.class.path"));
    environment.put("HEARTH_TEST_JARS", jarsFile(stateDir).toString());
    for (String e : env) {
      int eq = e.indexOf('=');
      environment.put(e.substring(0, eq), e.substring(eq + 1));
    }
    return new WrappedAgent(builder.start(), log);
  }

  /** The jars the wrapper chose so far on {@code stateDir}, in order. */
  static List<String> jarsChosen(Path stateDir) throws IOException {
    Path file = jarsFile(stateDir);
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  private static Path jarsFile(Path stateDir) {
    return stateDir.resolveSibling("jars-chosen");
  }

  /** Waits for the next answer; fails with the agent's log if none comes. */
  String next() throws IOException, InterruptedException {
    String answer = answers.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (answer == null) {
      fail("the agent said nothing within %s; its log:%n%s", WAIT, Files.readString(log));
    }
    return answer;
  }

  /** Waits for an answer starting with {@code prefix}, skipping others. */
  String await(String prefix) throws IOException, InterruptedException {
    for (String a = next(); ; a = next()) {
      if (a.startsWith(prefix)) {
        return a;
      }
    }
  }

  String request(String command) throws IOException, InterruptedException {
    stdin.write(command + "\n");
    stdin.flush();
    return await(command.equals("start-cycle") ? "cycle" : command);
  }

  /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
  void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Waits for the agent to exit by itself; its exit code. */
  int exitCode() throws InterruptedException, IOException {
    if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      fail("the agent did not exit within %s; its log:%n%s", WAIT, Files.readString(log));
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
