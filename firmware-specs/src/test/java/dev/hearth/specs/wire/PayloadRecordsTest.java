package dev.hearth.specs.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.specs.wire.WireError.Code;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Records validate when built, naming the field, so an invalid payload can never be encoded. */
class PayloadRecordsTest {

  @Test
  void statusNamesTheField() {
    var profile = ProfileRef.parse("open-washer@1");
    rejects(() -> new Status(null, "1.0", null, profile, 0), Code.MISSING_FIELD, "/state", "state");
    rejects(
        () -> new Status(Status.Presence.ONLINE, "1 0", null, profile, 0),
        Code.INVALID_VALUE,
        "/agentVersion",
        "agentVersion");
    rejects(
        () -> new Status(Status.Presence.ONLINE, "1.0", null, profile, -1),
        Code.INVALID_VALUE,
        "/ts",
        "ts");
    rejects(
        () -> new Status.Firmware("washer-programs", ""),
        Code.INVALID_VALUE,
        "/version",
        "version");
    rejects(() -> new Status.Firmware(" ", "1.0"), Code.INVALID_VALUE, "/name", "name");
  }

  @Test
  void telemetryNamesTheField() {
    rejects(
        () -> new TelemetryBatch(-1, List.of()),
        Code.INVALID_VALUE,
        "/seq",
        "seq must be 0 or more");
    rejects(() -> new TelemetryBatch(1, null), Code.MISSING_FIELD, "/samples", "samples");
    rejects(() -> new TelemetryBatch(1, List.of(), -2), Code.INVALID_VALUE, "/dropped", "dropped");
    rejects(
        () -> new TelemetryBatch.Sample(0, Map.of("waterTemp", Double.NaN)),
        Code.INVALID_VALUE,
        "/v/waterTemp",
        "finite");
    rejects(
        () -> new TelemetryBatch.Sample(0, Map.of("water temp", 1.0)),
        Code.INVALID_VALUE,
        "/v/water temp",
        "not a valid name");
    var withNull = new HashMap<String, Double>();
    withNull.put("x", null);
    rejects(() -> new TelemetryBatch.Sample(0, withNull), Code.INVALID_VALUE, "/v/x", "finite");
  }

  @Test
  void stateNamesTheField() {
    var s = Payloads.state();
    rejects(
        () ->
            new StateReport(
                s.ts(), s.seq(), s.phase(), "", s.step(), null, s.door(), s.lock(), List.of(),
                Map.of()),
        Code.INVALID_VALUE,
        "/program",
        "program");
    rejects(
        () ->
            new StateReport(
                s.ts(),
                s.seq(),
                s.phase(),
                null,
                null,
                null,
                s.door(),
                s.lock(),
                List.of("a", "b", "a"),
                Map.of()),
        Code.INVALID_VALUE,
        "/tripped/2",
        "twice");
    rejects(
        () ->
            new StateReport(
                s.ts(), s.seq(), s.phase(), null, null, null, null, s.lock(), List.of(), Map.of()),
        Code.MISSING_FIELD,
        "/door",
        "door");
  }

  @Test
  void eventCommandAndOfferNameTheField() {
    rejects(
        () -> new Event(1, 0, "Bad Type", Event.Severity.INFO, "", Payloads.object()),
        Code.INVALID_VALUE,
        "/type",
        "type");
    rejects(
        () -> new Event(1, 0, EventType.ALARM, Event.Severity.INFO, "x".repeat(1025), null),
        Code.INVALID_VALUE,
        "/message",
        "1024");
    rejects(() -> new Command("", "stop", Payloads.object()), Code.INVALID_VALUE, "/id", "id");
    rejects(() -> new CommandResult("c1", null, ""), Code.MISSING_FIELD, "/status", "status");
    var o = Payloads.updateOffer();
    rejects(
        () ->
            new UpdateOffer(
                o.offerId(), null, o.manifest(), List.of(URI.create("file:///tmp/a")), 0),
        Code.INVALID_VALUE,
        "/artifactUrls/0",
        "https");
    rejects(
        () -> new UpdateOffer(o.offerId(), null, Payloads.object(), o.artifactUrls(), 0),
        Code.INVALID_VALUE,
        "/manifest",
        "empty");
  }

  @Test
  void freeFormObjectsMustStayWithinTheParserLimits() {
    ObjectNode data = Payloads.object();
    ObjectNode inner = data;
    // data is at depth 2 (the payload object is 1); nest down to the limit.
    for (int depth = 3; depth <= WireLimits.MAX_NESTING_DEPTH; depth++) {
      inner = inner.putObject("n");
    }
    new Event(1, 0, EventType.ALARM, Event.Severity.INFO, "", data);
    inner.putArray("too-deep");
    rejects(
        () -> new Event(1, 0, EventType.ALARM, Event.Severity.INFO, "", data),
        Code.INVALID_VALUE,
        "/data" + "/n".repeat(WireLimits.MAX_NESTING_DEPTH - 2) + "/too-deep",
        "nesting");

    ObjectNode args = Payloads.object();
    args.put("x", Double.POSITIVE_INFINITY);
    rejects(() -> new Command("c1", "start", args), Code.INVALID_VALUE, "/args/x", "finite");
    ObjectNode half = Payloads.object();
    half.put("s", "\ud800");
    rejects(() -> new Command("c1", "start", half), Code.INVALID_VALUE, "/args/s", "surrogate");
  }

  @Test
  void recordsNeverShareMutableTrees() {
    ObjectNode data = Payloads.object();
    data.put("a", 1);
    var event = new Event(1, 0, EventType.ALARM, Event.Severity.INFO, "", data);

    data.put("a", 2);
    event.data().put("b", 3);

    assertThat(event.data().toString()).isEqualTo("{\"a\":1}");
  }

  @Test
  void numberMapsAreSortedAndNegativeZeroIsZero() {
    var sample = new TelemetryBatch.Sample(0, Map.of("b", -0.0, "a", 1.0, "C", 2.0));

    assertThat(sample.v().keySet()).containsExactly("C", "a", "b");
    assertThat(sample.v().get("b")).isEqualTo(0.0);
    assertThat(sample)
        .isEqualTo(new TelemetryBatch.Sample(0, Map.of("a", 1.0, "b", 0.0, "C", 2.0)));
  }

  @Test
  void knownNamesAreRecognisedAndOthersKept() {
    assertThat(new Command("c1", CommandName.PAUSE).knownName()).contains(CommandName.PAUSE);
    assertThat(new Command("c1", "self-test", Payloads.object()).knownName()).isEmpty();
    assertThat(Payloads.event().knownType()).contains(EventType.CYCLE_FINISHED);
    assertThat(
            new Event(1, 0, "filter.clogged", Event.Severity.WARNING, "", Payloads.object())
                .knownType())
        .isEmpty();
  }

  @Test
  void payloadErrorEventCarriesTheRejection() {
    var error = new WireError(Code.MISSING_FIELD, "/id", "id is required");

    var event = Event.payloadError(7, Payloads.TS, TopicKind.COMMANDS, error);

    assertThat(event.type()).isEqualTo("payload-error");
    assertThat(event.severity()).isEqualTo(Event.Severity.WARNING);
    assertThat(event.message()).isEqualTo("rejected commands payload: id is required");
    assertThat(event.data().toString())
        .isEqualTo("{\"kind\":\"commands\",\"code\":\"MISSING_FIELD\",\"field\":\"/id\"}");
  }

  @Test
  void payloadErrorEventCutsLongMessagesOnACharacterBoundary() {
    // The prefix is 27 chars: the cut at 1024 falls right after a high surrogate.
    String longMessage = "x".repeat(996) + "😀".repeat(20);
    var error = new WireError(Code.INVALID_VALUE, "", longMessage);

    var event = Event.payloadError(7, Payloads.TS, TopicKind.COMMANDS, error);

    assertThat(event.message().length()).isLessThanOrEqualTo(1024);
    assertThat(Check.isWellFormed(event.message())).isTrue();
  }

  @Test
  void offersKnowWhenTheyExpire() {
    var offer = Payloads.updateOffer();

    assertThat(offer.isExpiredAt(offer.expires())).isFalse();
    assertThat(offer.isExpiredAt(offer.expires() + 1)).isTrue();
  }

  private static void rejects(ThrowingCallable build, Code code, String field, String mention) {
    assertThatThrownBy(build)
        .isInstanceOfSatisfying(
            WireException.class,
            e -> {
              assertThat(e.error().code()).isEqualTo(code);
              assertThat(e.error().field()).isEqualTo(field);
              assertThat(e.error().message()).contains(mention);
            });
  }
}
