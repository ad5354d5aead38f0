package dev.hearth.hub.gateway.coap;

import dev.hearth.hub.gateway.ArtifactSource;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /artifacts/{sha256}}: an artifact with block-wise transfer ({@code Block2}, RFC 7959;
 * SPEC 5.1). Each request is answered with the one block it asks for, read from the {@link
 * ArtifactSource} as it is asked for, so a 1 MiB artifact is never held in memory and a device can
 * resume at any block number. The block size is the client's, at most {@value #MAX_BLOCK_SIZE}
 * bytes; a request without {@code Block2} gets the first block. Every block carries the total size
 * ({@code Size2}) and an {@code ETag} (the hash's first 8 bytes), so a client notices if the
 * artifact under a name were ever to change between blocks.
 *
 * <p>The endpoint keeps Californium's transparent block-wise mode on for devices' uploads. That
 * mode passes a response carrying {@code Block2} through untouched only if it is no larger than the
 * endpoint's preferred block size, hence {@link #configure}.
 */
final class CaliforniumArtifactResource extends CoapResource {

  /** The largest block SPEC 5.1 allows. */
  static final int MAX_BLOCK_SIZE = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(CaliforniumArtifactResource.class);
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final int MAX_SZX = BlockOption.size2Szx(MAX_BLOCK_SIZE);

  private final ArtifactSource artifacts;

  /**
   * Sets what the endpoint serving this resource needs: a preferred block size of {@value
   * #MAX_BLOCK_SIZE} bytes. With a smaller one (Californium's default is 512), the transparent
   * block-wise layer would cut a first block again and serve the rest of it from its own memory.
   */
  static void configure(Configuration config) {
    config.set(CoapConfig.PREFERRED_BLOCK_SIZE, MAX_BLOCK_SIZE);
  }

  CaliforniumArtifactResource(ArtifactSource artifacts) {
    super("artifacts");
    this.artifacts = artifacts;
  }

  /** {@code /artifacts/{sha256}} is this resource too: artifacts cannot be listed in advance. */
  @Override
  public Resource getChild(String name) {
    return this;
  }

  @Override
  public void handleGET(CoapExchange exchange) {
    Request request = exchange.advanced().getRequest();
    List<String> path = request.getOptions().getUriPath();
    Optional<ArtifactSource.Artifact> artifact =
        path.size() == 2 && SHA256.matcher(path.get(1)).matches()
            ? artifacts.find(path.get(1))
            : Optional.empty();
    if (artifact.isEmpty()) {
      exchange.respond(ResponseCode.NOT_FOUND, "no artifact " + String.join("/", path));
      return;
    }
    BlockOption asked = request.getOptions().getBlock2();
    int szx = asked == null ? MAX_SZX : Math.min(asked.getSzx(), MAX_SZX);
    int blockSize = BlockOption.szx2Size(szx);
    long size = artifact.get().size();
    long offset = asked == null ? 0 : (long) asked.getNum() * BlockOption.szx2Size(asked.getSzx());
    if (offset > 0 && offset >= size) {
      exchange.respond(ResponseCode.BAD_OPTION, "block " + asked.getNum() + " is past the end");
      return;
    }
    byte[] block;
    try {
      block = artifact.get().read(offset, blockSize);
    } catch (IOException e) {
      LOG.error("cannot read artifact {} at {}: {}", path.get(1), offset, e.toString());
      exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, "the artifact cannot be read");
      return;
    }
    Response response = new Response(ResponseCode.CONTENT);
    response.setPayload(block);
    response.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_OCTET_STREAM);
    response.getOptions().addETag(HexFormat.of().parseHex(path.get(1).substring(0, 16)));
    response.getOptions().setSize2((int) Math.min(size, Integer.MAX_VALUE));
    if (asked != null || size > blockSize) {
      // The block number in the block size answered; a smaller size keeps the offset whole.
      response
          .getOptions()
          .setBlock2(szx, offset + block.length < size, (int) (offset / blockSize));
    }
    exchange.respond(response);
  }
}
