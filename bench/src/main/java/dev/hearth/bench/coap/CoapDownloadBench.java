package dev.hearth.bench.coap;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -cp hearth-fleet.jar dev.hearth.bench.coap.CoapDownloadBench --url U --sha256 H
 * --size N}: B4's Hearth client, the agent's CoAP fetcher downloading one artifact repeatedly (see
 * {@link Downloads}); prints a summary and a {@code RESULT} line.
 */
@Command(
    name = "coap-download",
    mixinStandardHelpOptions = true,
    description = "Downloads one artifact repeatedly with the agent's CoAP fetcher, timed.")
public final class CoapDownloadBench implements Callable<Integer> {

  @Option(names = "--url", required = true, description = "coap://host:port/artifacts/<sha256>")
  URI url;

  @Option(names = "--sha256", required = true, description = "The artifact's SHA-256 (hex).")
  String sha256;

  @Option(names = "--size", required = true, description = "The artifact's size, bytes.")
  long size;

  @Option(names = "--block-size", description = "Bytes a block (default: ${DEFAULT-VALUE}).")
  int blockSize = 1024;

  @Option(
      names = "--warmup",
      description = "Untimed downloads first, at least 1 (default: ${DEFAULT-VALUE}).")
  int warmup = 20;

  @Option(names = "--downloads", description = "Timed downloads (default: ${DEFAULT-VALUE}).")
  int downloads = 50;

  @Option(names = "--work", description = "Where the partial file goes (default: a temp dir).")
  Path work;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CoapDownloadBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("b4-");
    DownloadResult r = new Downloads(url, sha256, size, blockSize, dir).run(warmup, downloads);
    System.out.printf(
        Locale.ROOT,
        "hearth: %d downloads of %d bytes in %d-byte blocks, median %.2f ms (%.2f MiB/s),"
            + " p99 %.2f ms; first (cold) %.2f ms%n",
        downloads,
        size,
        blockSize,
        r.micros().getValueAtPercentile(50) / 1000.0,
        r.medianRate(),
        r.micros().getValueAtPercentile(99) / 1000.0,
        r.firstMicros() / 1000.0);
    System.out.println(r.resultLine());
    return 0;
  }
}
