package dev.hearth.specs.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TopicKindTest {

  /**
   * The table of SPEC.md, chapter "Wire protocol" section "Topics"; a change here is a protocol
   * change.
   */
  @ParameterizedTest
  @CsvSource({
    "STATUS,         status,          DEVICE_TO_HUB, 1, false, true,  16384",
    "TELEMETRY,      telemetry,       DEVICE_TO_HUB, 1, true,  false, 65536",
    "STATE,          state,           DEVICE_TO_HUB, 1, false, false, 16384",
    "EVENTS,         events,          DEVICE_TO_HUB, 1, false, false, 16384",
    "COMMANDS,       commands,        HUB_TO_DEVICE, 1, false, false, 16384",
    "COMMAND_RESULT, commands/result, DEVICE_TO_HUB, 1, false, false, 16384",
    "UPDATE,         update,          HUB_TO_DEVICE, 1, false, false, 65536",
  })
  void kindsMatchTheSpecTable(
      TopicKind kind,
      String suffix,
      Direction direction,
      int defaultQos,
      boolean qos0Allowed,
      boolean retained,
      int maxBytes) {
    assertThat(kind.suffix()).isEqualTo(suffix);
    assertThat(kind.direction()).isEqualTo(direction);
    assertThat(kind.defaultQos()).isEqualTo(defaultQos);
    assertThat(kind.allowsQos(0)).isEqualTo(qos0Allowed);
    assertThat(kind.allowsQos(1)).isTrue();
    assertThat(kind.allowsQos(2)).isFalse();
    assertThat(kind.retained()).isEqualTo(retained);
    assertThat(kind.isLastWill()).isEqualTo(kind == TopicKind.STATUS);
    assertThat(kind.maxPayloadBytes()).isEqualTo(maxBytes);
  }

  @ParameterizedTest
  @EnumSource(TopicKind.class)
  void suffixAndPayloadTypeLeadBackToTheKind(TopicKind kind) {
    assertThat(TopicKind.ofSuffix(kind.suffix())).contains(kind);
    assertThat(TopicKind.of(kind.payloadType())).isEqualTo(kind);
  }

  @ParameterizedTest
  @EnumSource(TopicKind.class)
  void everyPayloadNamesTheKindThatCarriesIt(TopicKind kind) {
    assertThat(Payloads.all())
        .filteredOn(p -> p.getClass() == kind.payloadType())
        .singleElement()
        .extracting(WirePayload::topicKind)
        .isEqualTo(kind);
  }

  @org.junit.jupiter.api.Test
  void unknownSuffixIsEmpty() {
    assertThat(TopicKind.ofSuffix("result")).isEmpty();
    assertThat(TopicKind.ofSuffix("")).isEmpty();
    assertThatThrownBy(() -> TopicKind.of(WirePayload.class))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
