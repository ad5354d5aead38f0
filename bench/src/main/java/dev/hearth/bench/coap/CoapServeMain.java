package dev.hearth.bench.coap;

import dev.hearth.hub.gateway.coap.PlainArtifactServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -cp hearth-fleet.jar dev.hearth.bench.coap.CoapServeMain --file F}: serves F at
 * {@code coap://HOST:PORT/artifacts/<sha256>} through the hub's artifact resource on plain CoAP,
 * writes {@code port=... sha256=... size=...} to the ready file, and runs until SIGTERM.
 */
@Command(
    name = "coap-serve",
    mixinStandardHelpOptions = true,
    description = "Serves one artifact through the hub's CoAP artifact resource (plain UDP).")
public final class CoapServeMain implements Callable<Integer> {

  @Option(names = "--file", required = true, description = "The artifact.")
  Path file;

  @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "UDP port; 0 picks one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--ready-file", required = true, description = "Written once serving.")
  Path ready;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CoapServeMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    FileArtifacts artifacts = new FileArtifacts(file);
    PlainArtifactServer server = PlainArtifactServer.start(artifacts, host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    String line =
        "port=" + server.port() + " sha256=" + artifacts.sha256() + " size=" + artifacts.size();
    Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
    Files.writeString(tmp, line + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, ready);
    System.err.println("coap-serve: " + line);
    stopped.await();
    return 0;
  }
}
