package dev.hearth.hub.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /artifacts/{sha256}} served block-wise to a real Californium client over loopback, the
 * server configured as the hub's endpoint is (transparent block-wise on, for uploads).
 */
class CaliforniumArtifactResourceTest {

  private static final int MIB = 1024 * 1024;

  @TempDir Path dir;
  private CoapServer server;
  private Endpoint client;
  private DirectoryArtifacts artifacts;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void serve() throws Exception {
    artifacts = new DirectoryArtifacts(dir);
    Configuration config = configuration();
    // As on the hub: bodies of device POSTs are reassembled, so transparent block-wise is on.
    config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 256 * 1024);
    CaliforniumArtifactResource.configure(config);
    CoapEndpoint endpoint =
        new CoapEndpoint.Builder()
            .setConfiguration(config)
            .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
            .build();
    endpoint.addInterceptor(
        new MessageInterceptorAdapter() {
          @Override
          public void receiveRequest(Request request) {
            requests.incrementAndGet();
          }
        });
    server = new CoapServer(config);
    server.addEndpoint(endpoint);
    server.add(new CaliforniumArtifactResource(artifacts));
    server.start();
    Configuration clientConfig = configuration();
    // A client that reassembles up to 2 MiB itself, asking for 1024-byte blocks.
    clientConfig.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 2 * MIB);
    clientConfig.set(CoapConfig.PREFERRED_BLOCK_SIZE, 1024);
    client = new CoapEndpoint.Builder().setConfiguration(clientConfig).build();
    client.start();
  }

  @AfterEach
  void stop() {
    client.destroy();
    server.destroy();
  }

  @Test
  void aBlockWiseGetReturnsExactlyTheArtifactsBytesInKibBlocks() throws Exception {
    byte[] bytes = new byte[MIB];
    new Random(7).nextBytes(bytes);
    String sha256 = artifacts.put(bytes);

    CoapResponse response = client(sha256).get();

    assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
    assertThat(response.getPayload()).isEqualTo(bytes);
    assertThat(DirectoryArtifacts.sha256(response.getPayload())).isEqualTo(sha256);
    assertThat(requests.get()).as("one request per 1024-byte block").isEqualTo(MIB / 1024);
  }

  @Test
  void anyBlockCanBeAskedForOnItsOwnSoADownloadResumes() throws Exception {
    byte[] bytes = new byte[10_000];
    new Random(8).nextBytes(bytes);
    String sha256 = artifacts.put(bytes);

    Request request = Request.newGet();
    request.getOptions().setBlock2(BlockOption.size2Szx(1024), false, 9);
    CoapResponse last = client(sha256).advanced(request);

    assertThat(last.getCode()).isEqualTo(ResponseCode.CONTENT);
    assertThat(last.getPayload()).isEqualTo(Arrays.copyOfRange(bytes, 9 * 1024, bytes.length));
    assertThat(last.getOptions().getBlock2().isM()).isFalse();
    assertThat(last.getOptions().getSize2()).isEqualTo(bytes.length);

    Request small = Request.newGet();
    small.getOptions().setBlock2(BlockOption.size2Szx(256), false, 3);
    CoapResponse block = client(sha256).advanced(small);
    assertThat(block.getPayload()).isEqualTo(Arrays.copyOfRange(bytes, 768, 1024));
    assertThat(block.getOptions().getBlock2().isM()).isTrue();
  }

  @Test
  void aPlainGetGetsTheFirstKibAndTheTotalSize() throws Exception {
    byte[] bytes = new byte[5000];
    new Random(9).nextBytes(bytes);
    String sha256 = artifacts.put(bytes);
    Configuration plain = configuration();
    // A client that does not reassemble: it sees the one response the resource gives.
    plain.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 0);
    Endpoint raw = new CoapEndpoint.Builder().setConfiguration(plain).build();
    raw.start();
    try {
      CoapClient c = client(sha256);
      c.setEndpoint(raw);
      CoapResponse first = c.get();
      assertThat(first.getPayload()).isEqualTo(Arrays.copyOf(bytes, 1024));
      assertThat(first.getOptions().getBlock2().getSzx()).isEqualTo(BlockOption.size2Szx(1024));
      assertThat(first.getOptions().getBlock2().isM()).isTrue();
      assertThat(first.getOptions().getSize2()).isEqualTo(bytes.length);
      assertThat(first.getOptions().getETags()).hasSize(1);
    } finally {
      raw.destroy();
    }
  }

  @Test
  void anUnknownOrMalformedNameIsNotFound() throws Exception {
    artifacts.put(new byte[] {1, 2, 3});
    assertThat(client("0".repeat(64)).get().getCode()).isEqualTo(ResponseCode.NOT_FOUND);
    assertThat(client("not-a-hash").get().getCode()).isEqualTo(ResponseCode.NOT_FOUND);
    assertThat(client("ABC".repeat(21) + "A").get().getCode()).isEqualTo(ResponseCode.NOT_FOUND);
  }

  @Test
  void aBlockPastTheEndIsABadOption() throws Exception {
    String sha256 = artifacts.put(new byte[2048]);
    Request request = Request.newGet();
    request.getOptions().setBlock2(BlockOption.size2Szx(1024), false, 2);
    assertThat(client(sha256).advanced(request).getCode()).isEqualTo(ResponseCode.BAD_OPTION);
  }

  private CoapClient client(String sha256) {
    int port = server.getEndpoints().get(0).getAddress().getPort();
    CoapClient c = new CoapClient("coap://127.0.0.1:" + port + "/artifacts/" + sha256);
    c.setEndpoint(client);
    c.setTimeout(10_000L);
    return c;
  }

  private static Configuration configuration() {
    return new Configuration(
        SystemConfig.DEFINITIONS, UdpConfig.DEFINITIONS, CoapConfig.DEFINITIONS);
  }
}
