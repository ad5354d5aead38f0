package dev.hearth.specs.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicTest {

  @ParameterizedTest
  @EnumSource(TopicKind.class)
  void everyKindParsesBackFromItsName(TopicKind kind) {
    var topic = new Topic(Payloads.WASHER, kind);

    assertThat(topic.name()).isEqualTo("hearth/v1/washer-01/" + kind.suffix());
    assertThat(Topic.parse(topic.name())).isEqualTo(new TopicCheck.Accepted(topic));
  }

  @ParameterizedTest
  @CsvSource({
    "hearth/v1/+/telemetry,               WILDCARD",
    "hearth/v1/washer-01/#,               WILDCARD",
    "hearth/v1/washer-01/commands/+,      WILDCARD",
    "'#',                                 WILDCARD",
    "hearth/v2/washer-01/status,          WRONG_PREFIX",
    "Hearth/v1/washer-01/status,          WRONG_PREFIX",
    "/hearth/v1/washer-01/status,         WRONG_PREFIX",
    "$share/g/hearth/v1/washer-01/status, WRONG_PREFIX",
    "hearth/v1,                           WRONG_PREFIX",
    "'',                                  WRONG_PREFIX",
    "hearth/v1/,                          BAD_DEVICE_ID",
    "hearth/v1//status,                   BAD_DEVICE_ID",
    "hearth/v1/Washer-01/status,          BAD_DEVICE_ID",
    "hearth/v1/-washer/status,            BAD_DEVICE_ID",
    "hearth/v1/ab/status,                 BAD_DEVICE_ID",
    "hearth/v1/washer_01/status,          BAD_DEVICE_ID",
    "hearth/v1/washer-01,                 UNKNOWN_SUFFIX",
    "hearth/v1/washer-01/,                UNKNOWN_SUFFIX",
    "hearth/v1/washer-01/status/,         UNKNOWN_SUFFIX",
    "hearth/v1/washer-01/result,          UNKNOWN_SUFFIX",
    "hearth/v1/washer-01/commands/result/x, UNKNOWN_SUFFIX",
    "hearth/v1/washer-01/STATUS,          UNKNOWN_SUFFIX",
  })
  void refusesWithTheReason(String topic, TopicProblem problem) {
    var check = Topic.parse(topic);

    assertThat(check.refusal()).as(topic).contains(problem);
    assertThat(((TopicCheck.Refused) check).message()).isNotBlank();
  }

  @Test
  void refusalMessagesQuoteTheTopicSafely() {
    var check = (TopicCheck.Refused) Topic.parse("hearth/v1/washer-01/st\u0000atus");

    assertThat(check.message()).contains("'hearth/v1/washer-01/st?atus'");
  }

  @Test
  void allDevicesFilterIsForTheHubOnly() {
    assertThat(Topic.allDevicesFilter(TopicKind.TELEMETRY)).isEqualTo("hearth/v1/+/telemetry");
    assertThat(Topic.allDevicesFilter(TopicKind.COMMAND_RESULT))
        .isEqualTo("hearth/v1/+/commands/result");
    assertThat(Topic.parse(Topic.allDevicesFilter(TopicKind.STATUS)).refusal())
        .contains(TopicProblem.WILDCARD);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "a-b",
        "0ab",
        "washer-01",
        "x123456789-123456789-123456789-123456789-123456789-123456789-123"
      })
  void deviceIdsThatAreValid(String id) {
    assertThat(DeviceId.isValid(id)).isTrue();
    assertThat(new DeviceId(id).toString()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ab",
        "-ab",
        "a+b",
        "a#b",
        "a/b",
        "a b",
        "ABC",
        "a_b",
        "ä12",
        "x123456789-123456789-123456789-123456789-123456789-123456789-1234"
      })
  void deviceIdsThatAreNot(String id) {
    assertThat(DeviceId.isValid(id)).isFalse();
    assertThatThrownBy(() -> new DeviceId(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("device id");
  }

  @Test
  void randomDeviceIdsRoundTripThroughTopicNames() {
    long seed = 20260101L;
    var random = new Random(seed);
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
    for (int i = 0; i < 2000; i++) {
      var id = new StringBuilder().append(alphabet.charAt(random.nextInt(36)));
      for (int n = 2 + random.nextInt(62); n > 0; n--) {
        id.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      var topic = new Topic(new DeviceId(id.toString()), TopicKind.values()[random.nextInt(7)]);
      assertThat(Topic.parse(topic.name()))
          .as("seed %d, iteration %d", seed, i)
          .isEqualTo(new TopicCheck.Accepted(topic));
    }
  }
}
