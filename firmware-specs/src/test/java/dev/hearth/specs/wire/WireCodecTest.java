package dev.hearth.specs.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.specs.wire.WireError.Code;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WireCodecTest {

  private final WireCodec codec = new WireCodec();

  @Test
  void writesFieldsInTheDocumentedOrderAndNoOtherNulls() {
    assertThat(json(Payloads.status()))
        .isEqualTo(
            "{\"state\":\"online\",\"agentVersion\":\"0.4.1\",\"firmware\":{\"name\":"
                + "\"washer-programs\",\"version\":\"1.2.0\"},\"profile\":\"open-washer@1\","
                + "\"ts\":1767225600000}");
    assertThat(json(Payloads.telemetry()))
        .isEqualTo(
            "{\"seq\":41,\"samples\":[{\"t\":1767225600000,\"v\":{\"drumRpm\":0,\"waterLevel\":12.5}},"
                + "{\"t\":1767225601000,\"v\":{\"waterLevel\":13}}],\"dropped\":2}");
    assertThat(json(Payloads.state()))
        .isEqualTo(
            "{\"ts\":1767225600000,\"seq\":310,\"phase\":\"running\",\"program\":\"cotton-40\","
                + "\"step\":\"heat\",\"remainingSeconds\":3120,\"door\":\"closed\",\"lock\":\"locked\","
                + "\"tripped\":[],\"outputs\":{\"heater\":1,\"motorPwm\":0.35}}");
    assertThat(json(Payloads.event()))
        .isEqualTo(
            "{\"seq\":1024,\"ts\":1767225600000,\"type\":\"cycle-finished\",\"severity\":\"info\","
                + "\"message\":\"cotton-40 finished\",\"data\":{\"program\":\"cotton-40\"}}");
    assertThat(json(Payloads.command()))
        .isEqualTo("{\"id\":\"cmd-17\",\"name\":\"start\",\"args\":{\"program\":\"cotton-40\"}}");
    assertThat(json(Payloads.commandResult()))
        .isEqualTo("{\"id\":\"cmd-17\",\"status\":\"ok\",\"message\":\"\"}");
    assertThat(json(Payloads.updateOffer()))
        .isEqualTo(
            "{\"offerId\":\"offer-1\",\"rolloutId\":\"rollout-88\",\"manifest\":{\"signed\":"
                + "{\"name\":\"washer-programs\",\"version\":\"1.3.0\"},\"signatures\":[{\"keyid\":"
                + "\"a1b2\",\"sig\":\"c2ln\"}]},\"artifactUrls\":[\"https://hub.example.net/a.zip\"],"
                + "\"expires\":1767312000000}");
  }

  @Test
  void writesNullOnlyForNullableFields() {
    var s = Payloads.state();
    var idle =
        new StateReport(
            s.ts(),
            0,
            StateReport.Phase.IDLE,
            null,
            null,
            null,
            StateReport.Door.OPEN,
            StateReport.Lock.NONE,
            List.of("door-closed"),
            Map.of());
    var status = new Status(Status.Presence.OFFLINE, "0.4.1", null, Payloads.status().profile(), 0);

    assertThat(json(idle))
        .isEqualTo(
            "{\"ts\":1767225600000,\"seq\":0,\"phase\":\"idle\",\"program\":null,\"step\":null,"
                + "\"remainingSeconds\":null,\"door\":\"open\",\"lock\":\"none\","
                + "\"tripped\":[\"door-closed\"],\"outputs\":{}}");
    assertThat(json(status))
        .isEqualTo(
            "{\"state\":\"offline\",\"agentVersion\":\"0.4.1\",\"firmware\":null,"
                + "\"profile\":\"open-washer@1\",\"ts\":0}");
  }

  @Test
  void wholeNumbersHaveNoFractionOthersKeepFullPrecision() {
    var sample =
        new TelemetryBatch.Sample(
            0, Map.of("a", 1.0, "b", -3.0, "c", 0.1, "d", 1e300, "e", 9.007199254740993E15));

    String text = json(new TelemetryBatch(0, List.of(sample)));

    assertThat(text).contains("\"a\":1,\"b\":-3,\"c\":0.1,\"d\":1.0E300");
    assertThat(decode(TopicKind.TELEMETRY, text)).isEqualTo(new TelemetryBatch(0, List.of(sample)));
  }

  @Test
  void everyKindRoundTrips() {
    for (WirePayload payload : Payloads.all()) {
      byte[] bytes = codec.encode(payload);
      assertThat(codec.decode(payload.topicKind(), bytes)).isEqualTo(new Decoded.Ok<>(payload));
      assertThat(codec.encode(codec.decode(payload.topicKind(), bytes).payload().orElseThrow()))
          .isEqualTo(bytes);
    }
  }

  @Test
  void decodesByClass() {
    byte[] bytes = codec.encode(Payloads.command());

    Decoded<Command> ok = codec.decode(Command.class, bytes);
    Decoded<CommandResult> wrong = codec.decode(CommandResult.class, bytes);

    assertThat(ok.payload()).contains(Payloads.command());
    assertThat(wrong.rejection())
        .hasValueSatisfying(
            e -> {
              assertThat(e.code()).isEqualTo(Code.MISSING_FIELD);
              assertThat(e.field()).isEqualTo("/status");
            });
  }

  @ParameterizedTest
  @EnumSource(TopicKind.class)
  void checksTheSizeBeforeParsing(TopicKind kind) {
    byte[] deepAndTooLarge = new byte[kind.maxPayloadBytes() + 1];
    Arrays.fill(deepAndTooLarge, (byte) '[');

    var error = codec.decode(kind, deepAndTooLarge).rejection().orElseThrow();

    assertThat(error.code()).isEqualTo(Code.TOO_LARGE);
    assertThat(error.field()).isEmpty();
    assertThat(error.message()).contains(String.valueOf(kind.maxPayloadBytes()));
  }

  @Test
  void acceptsAPayloadOfExactlyTheLimit() {
    String text = json(Payloads.status());
    byte[] padded =
        (text + " ".repeat(TopicKind.STATUS.maxPayloadBytes() - text.length())).getBytes(UTF_8);

    assertThat(padded).hasSize(TopicKind.STATUS.maxPayloadBytes());
    assertThat(codec.decode(TopicKind.STATUS, padded).isOk()).isTrue();
  }

  @Test
  void refusesToEncodeMoreThanTheLimitSoTheSenderCanSplit() {
    var samples = new ArrayList<TelemetryBatch.Sample>();
    for (int i = 0; i < 2000; i++) {
      samples.add(
          new TelemetryBatch.Sample(Payloads.TS + i, Map.of("waterTemp", 20.123456789 + i)));
    }
    var batch = new TelemetryBatch(1, samples);

    assertThatThrownBy(() -> codec.encode(batch))
        .isInstanceOfSatisfying(
            WireException.class, e -> assertThat(e.error().code()).isEqualTo(Code.TOO_LARGE))
        .hasMessageContaining("65536");
    assertThat(codec.encode(new TelemetryBatch(1, samples.subList(0, 1000)))).isNotEmpty();
  }

  @Test
  void ignoresUnknownFieldsAndReadsNullableFieldsAsNullWhenAbsent() {
    var report =
        (StateReport)
            decode(
                TopicKind.STATE,
                "{\"future\":[1,{\"x\":null}],\"ts\":5,\"seq\":1,\"phase\":\"idle\",\"door\":\"open\","
                    + "\"lock\":\"none\",\"tripped\":[],\"outputs\":{},\"program\":null}");

    assertThat(report.program()).isNull();
    assertThat(report.step()).isNull();
    assertThat(report.remainingSeconds()).isNull();
  }

  @Test
  void reportsMalformedJsonWithItsPosition() {
    var error = reject(TopicKind.COMMANDS, "{\"id\":\"c1\",\"name\" \"stop\"}");

    assertThat(error.code()).isEqualTo(Code.NOT_JSON);
    assertThat(error.message()).contains("byte");
  }

  @Test
  void reportsNestingBeyondTheLimitAsALimit() {
    String deep = "[".repeat(40) + "]".repeat(40);
    var error =
        reject(TopicKind.COMMANDS, "{\"id\":\"c1\",\"name\":\"x\",\"args\":{\"a\":" + deep + "}}");

    assertThat(error.code()).isEqualTo(Code.LIMIT_EXCEEDED);
    assertThat(error.message()).contains("deeper than 32");
    assertThat(error.field()).startsWith("/args/a");
  }

  @Test
  void reportsTheFirstProblemWithItsPointer() {
    var error =
        reject(
            TopicKind.TELEMETRY,
            "{\"seq\":1,\"samples\":[{\"t\":1,\"v\":{}},{\"t\":2,\"v\":{\"a~b\":\"x\"}}]}");

    assertThat(error)
        .isEqualTo(
            new WireError(
                Code.WRONG_TYPE, "/samples/1/v/a~0b", "v values must be numbers, got a string"));
  }

  @Test
  void aTopLevelValueThatIsNotAnObjectIsTheWrongType() {
    for (String text : List.of("[]", "\"status\"", "1", "null", "true")) {
      var error = reject(TopicKind.STATUS, text);
      assertThat(error.code()).as(text).isEqualTo(Code.WRONG_TYPE);
      assertThat(error.field()).isEmpty();
    }
  }

  private String json(WirePayload payload) {
    return new String(codec.encode(payload), UTF_8);
  }

  private WirePayload decode(TopicKind kind, String text) {
    var decoded = codec.decode(kind, text.getBytes(UTF_8));
    assertThat(decoded.rejection()).isEmpty();
    return decoded.payload().orElseThrow();
  }

  private WireError reject(TopicKind kind, String text) {
    return codec.decode(kind, text.getBytes(UTF_8)).rejection().orElseThrow();
  }
}
