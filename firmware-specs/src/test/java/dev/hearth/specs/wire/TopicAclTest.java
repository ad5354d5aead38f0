package dev.hearth.specs.wire;

import static dev.hearth.specs.wire.Payloads.WASHER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TopicAclTest {

  @ParameterizedTest
  @EnumSource(TopicKind.class)
  void aDevicePublishesExactlyTheDeviceToHubKindsUnderItsOwnId(TopicKind kind) {
    var check = TopicAcl.mayPublish(WASHER, new Topic(WASHER, kind).name());

    if (kind.direction() == Direction.DEVICE_TO_HUB) {
      assertThat(check).isEqualTo(new TopicCheck.Accepted(new Topic(WASHER, kind)));
    } else {
      assertThat(check.refusal()).contains(TopicProblem.WRONG_DIRECTION);
    }
  }

  @ParameterizedTest
  @EnumSource(TopicKind.class)
  void aDeviceSubscribesExactlyToTheHubToDeviceKindsUnderItsOwnId(TopicKind kind) {
    var check = TopicAcl.maySubscribe(WASHER, new Topic(WASHER, kind).name());

    if (kind.direction() == Direction.HUB_TO_DEVICE) {
      assertThat(check.isAccepted()).isTrue();
    } else {
      assertThat(check.refusal()).contains(TopicProblem.WRONG_DIRECTION);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "publish,   hearth/v1/washer-02/telemetry, OTHER_DEVICE",
    "subscribe, hearth/v1/washer-02/commands,  OTHER_DEVICE",
    "subscribe, hearth/v1/+/commands,          WILDCARD",
    "subscribe, hearth/v1/washer-01/#,         WILDCARD",
    "subscribe, hearth/v1/washer-01/+,         WILDCARD",
    "subscribe, hearth/#,                      WILDCARD",
    "subscribe, '#',                           WILDCARD",
    "publish,   hearth/v1/washer-01/#,         WILDCARD",
    "subscribe, $share/g/hearth/v1/washer-01/commands, WRONG_PREFIX",
    "publish,   $SYS/broker/load,              WRONG_PREFIX",
    "publish,   hearth/v1/washer-01/telemetry/x, UNKNOWN_SUFFIX",
    "publish,   hearth/v1/WASHER-01/status,    BAD_DEVICE_ID",
  })
  void refusesEverythingElse(String action, String topic, TopicProblem problem) {
    var check =
        action.equals("publish")
            ? TopicAcl.mayPublish(WASHER, topic)
            : TopicAcl.maySubscribe(WASHER, topic);

    assertThat(check.refusal()).as(topic).contains(problem);
  }

  @Test
  void refusalsSayWhoTriedWhat() {
    var check = (TopicCheck.Refused) TopicAcl.mayPublish(WASHER, "hearth/v1/washer-01/commands");

    assertThat(check.message())
        .contains("washer-01")
        .contains("hearth/v1/washer-01/commands")
        .contains("from hub to device");
  }

  @Test
  void coapRequestsAreCheckedByTheSameRule() {
    var mine = (TopicCheck.Accepted) CoapPaths.parse("/hearth/v1/washer-01/events");
    var theirs = (TopicCheck.Accepted) CoapPaths.parse("/hearth/v1/washer-02/events");

    assertThat(TopicAcl.mayPublish(WASHER, mine.topic()).isAccepted()).isTrue();
    assertThat(TopicAcl.mayPublish(WASHER, theirs.topic()).refusal())
        .contains(TopicProblem.OTHER_DEVICE);
  }
}
