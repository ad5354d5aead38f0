package dev.hearth.agent.update;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * A stand-in for the hub's CoAP artifact endpoint ({@code /artifacts/{sha256}}, block-wise): it
 * answers each {@code Block2} request with that block. It can be told to fall silent after some
 * blocks (a hub that went away), and records the block numbers asked for.
 */
final class CoapArtifactServer implements AutoCloseable {

  private final CoapServer server;
  private final int port;
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final List<Integer> asked = new CopyOnWriteArrayList<>();
  private final AtomicInteger answersLeft = new AtomicInteger(Integer.MAX_VALUE);

  private CoapArtifactServer(int port) {
    Configuration config =
        new Configuration(SystemConfig.DEFINITIONS, UdpConfig.DEFINITIONS, CoapConfig.DEFINITIONS);
    config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 8192);
    // As the hub's endpoint: with a smaller preferred block, Californium would re-block answers.
    config.set(CoapConfig.PREFERRED_BLOCK_SIZE, 1024);
    CoapEndpoint endpoint =
        new CoapEndpoint.Builder()
            .setConfiguration(config)
            .setInetSocketAddress(new InetSocketAddress("127.0.0.1", port))
            .build();
    server = new CoapServer(config);
    server.addEndpoint(endpoint);
    server.add(new Artifacts());
    server.start();
    this.port = endpoint.getAddress().getPort();
  }

  /** On {@code port} (0: any free one), e.g. again where a stopped one was. */
  static CoapArtifactServer start(int port) {
    return new CoapArtifactServer(port);
  }

  String put(byte[] bytes) {
    String sha256 = TestCommunity.sha256(bytes);
    served.put(sha256, bytes);
    return sha256;
  }

  URI url(String sha256) {
    return URI.create("coap://127.0.0.1:" + port + "/artifacts/" + sha256);
  }

  int port() {
    return port;
  }

  /** Answers {@code blocks} more requests, then none. */
  void fallSilentAfter(int blocks) {
    answersLeft.set(blocks);
  }

  /** The block numbers asked for, in order. */
  List<Integer> blocksAsked() {
    return List.copyOf(asked);
  }

  @Override
  public void close() {
    server.destroy();
  }

  private final class Artifacts extends CoapResource {
    Artifacts() {
      super("artifacts");
    }

    @Override
    public Resource getChild(String name) {
      return this;
    }

    @Override
    public void handleGET(CoapExchange exchange) {
      BlockOption block = exchange.getRequestOptions().getBlock2();
      int num = block == null ? 0 : block.getNum();
      asked.add(num);
      if (answersLeft.getAndDecrement() <= 0) {
        return; // silent: the client times out
      }
      List<String> path = exchange.getRequestOptions().getUriPath();
      byte[] bytes = served.get(path.get(path.size() - 1));
      if (bytes == null) {
        exchange.respond(ResponseCode.NOT_FOUND);
        return;
      }
      int szx = block == null ? BlockOption.size2Szx(1024) : block.getSzx();
      int size = BlockOption.szx2Size(szx);
      int from = Math.min(bytes.length, num * size);
      int to = Math.min(bytes.length, from + size);
      Response response = new Response(ResponseCode.CONTENT);
      response.setPayload(Arrays.copyOfRange(bytes, from, to));
      response.getOptions().setBlock2(szx, to < bytes.length, num);
      response.getOptions().setSize2(bytes.length);
      exchange.respond(response);
    }
  }
}
