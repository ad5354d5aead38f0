package dev.hearth.agent.local.californium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.agent.config.LocalConfig;
import dev.hearth.agent.local.FakeAppliance;
import dev.hearth.agent.local.LocalFeed;
import dev.hearth.specs.wire.Decoded;
import dev.hearth.specs.wire.StateReport;
import dev.hearth.specs.wire.TelemetryBatch;
import dev.hearth.specs.wire.WireCodec;
import dev.hearth.specs.wire.WirePayload;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real Californium client talks to the LAN server over loopback UDP. */
class CaliforniumLocalServerTest {

  private static final long TIMEOUT_MS = 5_000;

  private final WireCodec codec = new WireCodec();
  private final FakeAppliance appliance = new FakeAppliance();
  private LocalFeed feed;
  private CaliforniumLocalServer server;
  private CoapEndpoint clientEndpoint;
  private final List<CoapClient> clients = new java.util.ArrayList<>();

  @BeforeEach
  void start() {
    feed = LocalFeed.attach(appliance, Clock.systemUTC());
    server = new CaliforniumLocalServer(LocalConfig.Coap.on("127.0.0.1", 0), feed);
    server.start();
    clientEndpoint =
        new CoapEndpoint.Builder()
            .setConfiguration(Configuration.createStandardWithoutFile())
            .setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .build();
  }

  @AfterEach
  void stop() {
    clients.forEach(CoapClient::shutdown);
    clientEndpoint.destroy();
    server.close();
    feed.close();
  }

  private CoapClient client(String path) {
    InetSocketAddress a = server.address();
    CoapClient client =
        new CoapClient("coap://127.0.0.1:" + a.getPort() + path).setTimeout(TIMEOUT_MS);
    client.setEndpoint(clientEndpoint);
    clients.add(client);
    return client;
  }

  private <T extends WirePayload> T decode(Class<T> type, byte[] bytes) {
    Decoded<T> decoded = codec.decode(type, bytes);
    assertThat(decoded.rejection()).isEmpty();
    return decoded.payload().orElseThrow();
  }

  @Test
  void getStateAnswersTheCurrentStateAsWireJson() throws Exception {
    appliance.change(FakeAppliance.state(7, StateReport.Phase.RUNNING, "wash"));

    CoapResponse response = client("/state").get();

    assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
    assertThat(response.getOptions().getContentFormat())
        .isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
    assertThat(decode(StateReport.class, response.getPayload()))
        .isEqualTo(FakeAppliance.state(7, StateReport.Phase.RUNNING, "wash"));
  }

  @Test
  void getTelemetryAnswersTheLatestSample() throws Exception {
    feed.onSample(Map.of("water_level", 4.5, "water_temp", 21.0));

    CoapResponse response = client("/telemetry").get();

    assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
    assertThat(response.getOptions().getContentFormat()).isEqualTo(50);
    TelemetryBatch batch = decode(TelemetryBatch.class, response.getPayload());
    assertThat(batch.seq()).isEqualTo(1);
    assertThat(batch.samples())
        .singleElement()
        .satisfies(s -> assertThat(s.v()).containsEntry("water_level", 4.5));
  }

  @Test
  void observersOfStateAreNotifiedOfEachChange() throws Exception {
    BlockingQueue<CoapResponse> received = new LinkedBlockingQueue<>();
    CoapObserveRelation relation = client("/state").observeAndWait(collect(received));
    assertThat(relation.isCanceled()).isFalse();
    assertThat(poll(received).getOptions().hasObserve()).isTrue();

    appliance.change(FakeAppliance.state(1, StateReport.Phase.RUNNING, "fill"));
    assertThat(decode(StateReport.class, poll(received).getPayload()).step()).isEqualTo("fill");
    appliance.change(FakeAppliance.state(2, StateReport.Phase.RUNNING, "wash"));
    assertThat(decode(StateReport.class, poll(received).getPayload()).step()).isEqualTo("wash");

    relation.proactiveCancel();
  }

  @Test
  void observersOfTelemetryAreNotifiedOfEachSample() throws Exception {
    BlockingQueue<CoapResponse> received = new LinkedBlockingQueue<>();
    CoapObserveRelation relation = client("/telemetry").observeAndWait(collect(received));
    assertThat(decode(TelemetryBatch.class, poll(received).getPayload()).seq()).isZero();

    feed.onSample(Map.of("water_level", 1.0));
    // NON notifications may in principle be lost; on loopback they are not, but wait for the
    // latest rather than insist on every one.
    assertThat(decode(TelemetryBatch.class, poll(received).getPayload()).seq()).isEqualTo(1);
    feed.onSample(Map.of("water_level", 2.0));
    TelemetryBatch second = decode(TelemetryBatch.class, poll(received).getPayload());
    assertThat(second.seq()).isEqualTo(2);
    assertThat(second.samples().get(0).v()).containsEntry("water_level", 2.0);

    relation.proactiveCancel();
  }

  @Test
  void discoveryListsBothResourcesWithTheirAttributes() throws Exception {
    Set<WebLink> links = client("").discover();

    assertThat(links).extracting(WebLink::getURI).contains("/state", "/telemetry");
    for (WebLink link : links) {
      if (link.getURI().equals("/state") || link.getURI().equals("/telemetry")) {
        var attributes = link.getAttributes();
        assertThat(attributes.hasObservable()).as(link.getURI() + " obs").isTrue();
        assertThat(attributes.getInterfaceDescriptions()).containsExactly("core.s");
        assertThat(attributes.getContentTypes()).containsExactly("50");
        assertThat(attributes.getResourceTypes())
            .containsExactly("hearth" + link.getURI().replace('/', '.'));
      }
    }
  }

  @Test
  void everyWriteIsRefusedAsMethodNotAllowed() throws Exception {
    CoapClient state = client("/state");
    assertThat(state.post("{}", 50).getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    assertThat(state.put("{}", 50).getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    assertThat(client("/telemetry").delete().getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    assertThat(state.get().getCode()).isEqualTo(ResponseCode.CONTENT);
  }

  @Test
  void aPortInUseIsAClearError() {
    int port = server.address().getPort();
    CaliforniumLocalServer second =
        new CaliforniumLocalServer(LocalConfig.Coap.on("127.0.0.1", port), feed);
    assertThatThrownBy(second::start)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageContaining("local.coap.port");
    second.close();
  }

  private static CoapHandler collect(BlockingQueue<CoapResponse> into) {
    return new CoapHandler() {
      @Override
      public void onLoad(CoapResponse response) {
        into.add(response);
      }

      @Override
      public void onError() {}
    };
  }

  private static CoapResponse poll(BlockingQueue<CoapResponse> queue) throws InterruptedException {
    CoapResponse r = queue.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    assertThat(r).as("a notification within %d ms", TIMEOUT_MS).isNotNull();
    return r;
  }
}
