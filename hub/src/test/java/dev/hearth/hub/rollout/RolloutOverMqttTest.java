package dev.hearth.hub.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.gateway.IngestListener;
import dev.hearth.hub.gateway.mqtt.PahoDevice;
import dev.hearth.hub.gateway.testing.Answer;
import dev.hearth.hub.gateway.testing.Eventually;
import dev.hearth.hub.gateway.testing.TestGateway;
import dev.hearth.hub.gateway.testing.TestGateway.DeviceCredentials;
import dev.hearth.hub.live.LiveUpdates;
import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.rollout.store.Rollout;
import dev.hearth.hub.rollout.store.RolloutMember;
import dev.hearth.hub.rollout.store.RolloutPlan;
import dev.hearth.hub.rollout.store.RolloutStatus;
import dev.hearth.hub.rollout.store.UpdateChannel;
import dev.hearth.hub.store.HubStore;
import dev.hearth.hub.store.Owner;
import dev.hearth.hub.store.PageRequest;
import dev.hearth.specs.wire.Decoded;
import dev.hearth.specs.wire.DeviceId;
import dev.hearth.specs.wire.Event;
import dev.hearth.specs.wire.EventType;
import dev.hearth.specs.wire.Topic;
import dev.hearth.specs.wire.TopicKind;
import dev.hearth.specs.wire.UpdateOffer;
import dev.hearth.specs.wire.WireCodec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Offers over real MQTT: the gateway on loopback, Paho devices as the agent connects, the rollout
 * module as the composition root wires it. A connected device gets its offer on its {@code update}
 * topic at once, an offline one when it next subscribes; the progress events it publishes on {@code
 * events} move its update to committed and complete the rollout.
 */
class RolloutOverMqttTest {

  private static final WireCodec CODEC = new WireCodec();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private TestGateway hub;
  private RolloutModule rollouts;
  private final FakeCatalog catalog = new FakeCatalog();

  @BeforeEach
  void start() {
    AtomicReference<IngestListener> progress = new AtomicReference<>(batch -> {});
    hub =
        TestGateway.builder()
            .withoutCoap()
            .listener(batch -> progress.get().onCommitted(batch))
            .start();
    RolloutConfig config =
        RolloutConfig.builder(URI.create("http://hub.test:8080"))
            .artifactCoapBase(URI.create("coap://hub.test:5683"))
            // The test steps the engine itself.
            .tick(Duration.ofMinutes(10))
            .lease(Duration.ofMinutes(20))
            .build();
    rollouts =
        RolloutModule.create(
            hub.store().rollouts(), catalog, LiveUpdates.none(), Clock.systemUTC());
    progress.set(rollouts.progressListener());
    rollouts.start(hub.gateway().offers(), config);
  }

  @AfterEach
  void stop() {
    rollouts.close();
    hub.close();
  }

  /** A device of the test gateway, claimed by {@code owner} and on the stable channel. */
  private DeviceCredentials claimed(Owner owner) {
    DeviceCredentials device = hub.givenDevice("washer");
    HubStore store = hub.store();
    store.devices().claim(device.id(), owner.id(), "hash", "psk", Instant.now());
    store.devices().setChannel(device.id(), "stable");
    return device;
  }

  private static void listen(PahoDevice device) {
    // Update first: the hub treats the commands subscription as "listening for both".
    device.subscribe(new Topic(new DeviceId(device.id()), TopicKind.UPDATE).name());
    device.listenForCommands();
  }

  private static UpdateOffer offer(PahoDevice device) throws InterruptedException {
    MqttMessage message = device.nextMessage(WAIT.toMillis());
    assertThat(message).as("an offer for " + device.id()).isNotNull();
    Decoded<UpdateOffer> decoded = CODEC.decode(UpdateOffer.class, message.getPayload());
    assertThat(decoded).isInstanceOf(Decoded.Ok.class);
    return decoded.payload().orElseThrow();
  }

  private static void report(PahoDevice device, AtomicLong seq, UpdateOffer offer, String state) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("offerId", offer.offerId());
    data.put("rolloutId", offer.rolloutId());
    data.put("state", state);
    data.put("name", "washer-programs");
    data.put("kind", "program");
    data.put("version", "1.1.0");
    data.put("from", "1.0.0");
    data.putNull("reason");
    data.putNull("detail");
    Event event =
        new Event(
            seq.incrementAndGet(),
            System.currentTimeMillis(),
            EventType.UPDATE_PROGRESS,
            Event.Severity.INFO,
            "update " + state,
            data);
    assertThat(device.publish(TopicKind.EVENTS, CODEC.encode(event))).isEqualTo(Answer.ACKED);
  }

  private DeviceUpdateState stateOf(String rolloutId, String deviceId) {
    return hub.store().rollouts().members(rolloutId, null, PageRequest.first(10)).items().stream()
        .filter(m -> m.deviceId().equals(deviceId))
        .map(RolloutMember::state)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void offersReachConnectedDevicesAtOnceAndOfflineOnesWhenTheyListen() throws Exception {
    Owner ada =
        hub.store()
            .owners()
            .create(
                new Owner(
                    "ada-mqtt",
                    "ada-mqtt@example.test",
                    "Ada",
                    "x",
                    Set.of(Owner.Role.MAINTAINER),
                    "UTC",
                    Instant.now()))
            .orElseThrow();
    DeviceCredentials online = claimed(ada);
    DeviceCredentials offline = claimed(ada);
    catalog.release("rev-mqtt", "1.1.0", "open-washer@1", "stable");
    RolloutOutcome created =
        rollouts
            .manager()
            .create(new NewRollout("rev-mqtt", UpdateChannel.STABLE, RolloutPlan.everyone()), ada);
    Rollout r = ((RolloutOutcome.Done) created).rollout();

    try (PahoDevice first = PahoDevice.connect(hub.mqttPort(), online)) {
      listen(first);
      rollouts.engine().tick();
      UpdateOffer offer = offer(first);
      assertThat(offer.rolloutId()).isEqualTo(r.id());
      assertThat(offer.manifest()).isEqualTo(OfferMaker.manifest(FakeCatalog.MANIFEST));
      assertThat(offer.artifactUrls())
          .containsExactly(
              URI.create("http://hub.test:8080/api/v1/artifacts/" + FakeCatalog.SHA256),
              URI.create("coap://hub.test:5683/artifacts/" + FakeCatalog.SHA256));
      assertThat(
              Eventually.await(
                  () -> hub.store().rollouts().undelivered(online.id(), Instant.now()).isEmpty(),
                  true,
                  WAIT))
          .as("the device's PUBACK is recorded")
          .isTrue();

      AtomicLong seq = new AtomicLong();
      for (String state : List.of("offered", "downloading", "verifying", "installing")) {
        report(first, seq, offer, state);
      }
      assertThat(
              Eventually.await(
                  () -> stateOf(r.id(), online.id()), DeviceUpdateState.INSTALLING, WAIT))
          .isEqualTo(DeviceUpdateState.INSTALLING);
      report(first, seq, offer, "committed");
      assertThat(
              Eventually.await(
                  () -> stateOf(r.id(), online.id()), DeviceUpdateState.COMMITTED, WAIT))
          .isEqualTo(DeviceUpdateState.COMMITTED);
    }

    assertThat(stateOf(r.id(), offline.id())).isEqualTo(DeviceUpdateState.OFFERED);
    try (PahoDevice second = PahoDevice.connect(hub.mqttPort(), offline)) {
      listen(second);
      UpdateOffer waiting = offer(second);
      assertThat(waiting.rolloutId()).isEqualTo(r.id());
      AtomicLong seq = new AtomicLong();
      report(second, seq, waiting, "offered");
      report(second, seq, waiting, "committed");
      assertThat(
              Eventually.await(
                  () -> stateOf(r.id(), offline.id()), DeviceUpdateState.COMMITTED, WAIT))
          .isEqualTo(DeviceUpdateState.COMMITTED);
    }

    rollouts.engine().tick();
    assertThat(hub.store().rollouts().find(r.id()).orElseThrow().status())
        .isEqualTo(RolloutStatus.COMPLETED);
  }
}
