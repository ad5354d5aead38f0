package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.CommandResult;
import dev.hearth.specs.wire.UpdateOffer;
import dev.hearth.specs.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundHandlerTest {

  private static final long NOW = 1_750_000_000_000L;
  private final List<UpdateOffer> offers = new ArrayList<>();
  private final FakeAppliance appliance = new FakeAppliance(FakeAppliance.washer(1, 5), () -> NOW);
  private final InboundHandler handler =
      new InboundHandler(appliance, offers::add, new WireCodec(), () -> NOW);

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aCommandRunsOnceEvenWhenDeliveredTwice() {
    InboundHandler.Outcome first = handler.command(json("{\"id\":\"c-1\",\"name\":\"stop\"}"));
    InboundHandler.Outcome again = handler.command(json("{\"id\":\"c-1\",\"name\":\"stop\"}"));

    assertThat(first.result()).map(CommandResult::status).contains(CommandResult.Outcome.OK);
    assertThat(again.result()).isEqualTo(first.result());
    assertThat(first.events()).isEmpty();
    assertThat(appliance.executed()).extracting(Command::id).containsExactly("c-1");
  }

  @Test
  void anApplianceThatThrowsYieldsAnErrorResult() {
    var failing =
        new FakeAppliance(FakeAppliance.washer(1, 5), () -> NOW) {
          @Override
          public CommandResult execute(Command command) {
            throw new IllegalStateException("relay driver gone");
          }
        };
    var h = new InboundHandler(failing, offers::add, new WireCodec(), () -> NOW);

    CommandResult result =
        h.command(json("{\"id\":\"c-2\",\"name\":\"pause\"}")).result().orElseThrow();
    assertThat(result.status()).isEqualTo(CommandResult.Outcome.ERROR);
    assertThat(result.message()).contains("pause").contains("IllegalStateException");
  }

  @Test
  void aMalformedCommandWithAReadableIdGetsAnErrorResultAndAnEvent() {
    InboundHandler.Outcome outcome =
        handler.command(json("{\"id\":\"c-3\",\"name\":\"stop\",\"args\":[]}"));

    CommandResult result = outcome.result().orElseThrow();
    assertThat(result.id()).isEqualTo("c-3");
    assertThat(result.status()).isEqualTo(CommandResult.Outcome.ERROR);
    assertThat(result.message()).startsWith("malformed command: WRONG_TYPE at '/args'");
    ApplianceEvent event = outcome.events().get(0);
    assertThat(event.type()).isEqualTo("payload-error");
    assertThat(event.data().get("field").asText()).isEqualTo("/args");
    assertThat(appliance.executed()).isEmpty();
  }

  @Test
  void withoutAReadableIdThereIsOnlyTheEvent() {
    for (String bad :
        List.of(
            "[1,2]",
            "{\"id\":7,\"name\":\"stop\"}",
            "{\"id\":\"bad id!\",\"name\":\"stop\"}",
            "\u00ff\u00fe")) {
      InboundHandler.Outcome outcome = handler.command(json(bad));
      assertThat(outcome.result()).as(bad).isEmpty();
      assertThat(outcome.events()).as(bad).hasSize(1);
    }
    byte[] huge =
        json("{\"id\":\"c-4\",\"name\":\"stop\",\"args\":{\"x\":\"" + "x".repeat(17_000) + "\"}}");
    InboundHandler.Outcome outcome = handler.command(huge);
    assertThat(outcome.result()).as("too large: not even parsed for its id").isEmpty();
    assertThat(outcome.events().get(0).data().get("code").asText()).isEqualTo("TOO_LARGE");
    assertThat(appliance.executed()).isEmpty();
  }

  @Test
  void offersThatDecodeGoToTheUpdateEngineAndOthersGetAnEvent() {
    String offer =
        "{\"offerId\":\"o-1\",\"manifest\":{\"m\":1},\"artifactUrls\":[\"https://hub/a\"],\"expires\":1900000000000}";
    assertThat(handler.update(json(offer))).isEqualTo(InboundHandler.Outcome.NOTHING);
    assertThat(offers).extracting(UpdateOffer::offerId).containsExactly("o-1");

    InboundHandler.Outcome bad = handler.update(json("{\"offerId\":\"o-2\"}"));
    assertThat(bad.events())
        .singleElement()
        .satisfies(e -> assertThat(e.data().get("kind").asText()).isEqualTo("update"));
    assertThat(offers).hasSize(1);
  }

  @Test
  void anUpdateEngineThatThrowsChangesNothing() {
    var h =
        new InboundHandler(
            appliance,
            o -> {
              throw new IllegalStateException("boom");
            },
            new WireCodec(),
            () -> NOW);
    String offer =
        "{\"offerId\":\"o-1\",\"manifest\":{\"m\":1},\"artifactUrls\":[\"https://hub/a\"],\"expires\":1900000000000}";
    assertThat(h.update(json(offer))).isEqualTo(InboundHandler.Outcome.NOTHING);
  }
}
