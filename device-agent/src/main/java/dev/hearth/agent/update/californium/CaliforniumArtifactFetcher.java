package dev.hearth.agent.update.californium;

import dev.hearth.agent.update.ArtifactFetcher;
import dev.hearth.agent.update.FetchOutcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * Fetches artifacts with CoAP block-wise GETs ({@code Block2}, RFC 7959), one block per request,
 * each written to the partial file as it arrives. A download resumes at the block that holds the
 * first missing byte: the file is cut back to a whole number of blocks and the next request asks
 * for that block number. Californium's transparent block-wise mode is off, so no artifact is ever
 * held in memory.
 *
 * <p>{@code coaps} URLs need the device's DTLS pre-shared key (from its enrollment).
 */
public final class CaliforniumArtifactFetcher implements ArtifactFetcher {

  /** The largest block SPEC 5.1 allows, and the one asked for. */
  public static final int DEFAULT_BLOCK_SIZE = 1024;

  /** How long one block may take, retransmissions included, before the fetch is given up. */
  public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofSeconds(30);

  private final int blockSize;
  private final Duration blockTimeout;
  private final Optional<Psk> psk;

  private CaliforniumArtifactFetcher(Builder b) {
    this.blockSize = b.blockSize;
    this.blockTimeout = b.blockTimeout;
    this.psk = b.psk;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean fetches(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("coap") || scheme.equals("coaps");
  }

  @Override
  public FetchOutcome fetch(URI url, Path partial, long size, FetchProgress progress)
      throws InterruptedException {
    boolean secure = "coaps".equalsIgnoreCase(url.getScheme());
    if (secure && psk.isEmpty()) {
      return FetchOutcome.failed(
          url + ": no DTLS key for coaps (the hub enrolled this board without CoAP)");
    }
    CoapEndpoint endpoint = endpoint(secure);
    CoapClient client = new CoapClient(url);
    client.setEndpoint(endpoint);
    client.setTimeout(blockTimeout.toMillis());
    try (FileChannel out = open(partial)) {
      return fetch(client, url, out, size, progress);
    } catch (IOException e) {
      return FetchOutcome.failed(url + ": cannot write " + partial + ": " + e);
    } finally {
      client.shutdown();
      endpoint.destroy();
    }
  }

  private FetchOutcome fetch(
      CoapClient client, URI url, FileChannel out, long size, FetchProgress progress)
      throws IOException, InterruptedException {
    long have = out.size();
    if (have == size) {
      return FetchOutcome.complete();
    }
    int szx = BlockOption.size2Szx(blockSize);
    long offset = have > size ? 0 : have - have % BlockOption.szx2Size(szx);
    out.truncate(offset);
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      int bytesPerBlock = BlockOption.szx2Size(szx);
      Request request = Request.newGet();
      request.setURI(url);
      request.getOptions().setBlock2(szx, false, (int) (offset / bytesPerBlock));
      CoapResponse response;
      try {
        response = client.advanced(request);
      } catch (ConnectorException | IOException e) {
        return FetchOutcome.failed(url + ": " + e.getMessage() + " at byte " + offset);
      }
      if (response == null) {
        request.cancel();
        return FetchOutcome.failed(
            url + ": no answer within " + blockTimeout.toSeconds() + " s at byte " + offset);
      }
      if (!response.isSuccess()) {
        return FetchOutcome.failed(url + ": " + response.getCode() + " at byte " + offset);
      }
      BlockOption block = response.getOptions().getBlock2();
      byte[] payload = response.getPayload();
      if (block == null) {
        // A server without block-wise sent the whole body at once.
        out.truncate(0);
        offset = 0;
      } else if (block.getOffset() != offset) {
        return FetchOutcome.failed(
            url
                + ": asked for the block at byte "
                + offset
                + ", got the one at "
                + block.getOffset());
      }
      offset += write(out, offset, payload, size);
      progress.onDisk(offset);
      if (block == null || !block.isM() || offset > size) {
        out.force(true);
        return FetchOutcome.complete();
      }
      // The server may answer with smaller blocks (late negotiation); offsets stay whole blocks.
      szx = Math.min(szx, block.getSzx());
    }
  }

  /** Writes at most up to one byte past {@code size}: enough for the size check to say so. */
  private static int write(FileChannel out, long offset, byte[] payload, long size)
      throws IOException {
    int length = (int) Math.min(payload.length, Math.max(0, size + 1 - offset));
    ByteBuffer buffer = ByteBuffer.wrap(payload, 0, length);
    while (buffer.hasRemaining()) {
      out.write(buffer, offset + buffer.position());
    }
    return length;
  }

  private static FileChannel open(Path partial) throws IOException {
    Files.createDirectories(partial.toAbsolutePath().getParent());
    return FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  private CoapEndpoint endpoint(boolean secure) {
    Configuration config =
        new Configuration(
            SystemConfig.DEFINITIONS,
            UdpConfig.DEFINITIONS,
            CoapConfig.DEFINITIONS,
            DtlsConfig.DEFINITIONS);
    // Off: each block is asked for and written here, never collected in memory by Californium.
    config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 0);
    var builder = new CoapEndpoint.Builder().setConfiguration(config);
    if (secure) {
      config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
      Psk key = psk.orElseThrow();
      builder.setConnector(
          new DTLSConnector(
              DtlsConnectorConfig.builder(config)
                  .setAdvancedPskStore(new AdvancedSinglePskStore(key.identity(), key.key()))
                  .build()));
    } else {
      builder.setInetSocketAddress(new InetSocketAddress(0));
    }
    CoapEndpoint endpoint = builder.build();
    try {
      endpoint.start();
    } catch (IOException e) {
      endpoint.destroy();
      throw new java.io.UncheckedIOException("cannot open a CoAP endpoint: " + e, e);
    }
    return endpoint;
  }

  /** A DTLS pre-shared key and its identity. */
  private record Psk(String identity, byte[] key) {}

  /** Builds a {@link CaliforniumArtifactFetcher}; defaults: 1024-byte blocks, 30 s per block. */
  public static final class Builder {
    private int blockSize = DEFAULT_BLOCK_SIZE;
    private Duration blockTimeout = DEFAULT_BLOCK_TIMEOUT;
    private Optional<Psk> psk = Optional.empty();

    private Builder() {}

    /** The block size to ask for: a power of two, 16 to 1024 bytes. */
    public Builder blockSize(int bytes) {
      if (bytes < 16 || bytes > 1024 || Integer.bitCount(bytes) != 1) {
        throw new IllegalArgumentException(
            "a CoAP block is a power of two from 16 to 1024 bytes, got " + bytes);
      }
      this.blockSize = bytes;
      return this;
    }

    public Builder blockTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("blockTimeout must be positive, got " + timeout);
      }
      this.blockTimeout = timeout;
      return this;
    }

    /** The device's DTLS identity and pre-shared key, for {@code coaps} URLs. */
    public Builder psk(String identity, byte[] key) {
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(key, "key");
      this.psk = Optional.of(new Psk(identity, key.clone()));
      return this;
    }

    public CaliforniumArtifactFetcher build() {
      return new CaliforniumArtifactFetcher(this);
    }
  }
}
