package dev.hearth.specs.wire;

import static dev.hearth.specs.wire.Payloads.WASHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoapPathsTest {

  @Test
  void mirrorsEveryDeviceToHubKind() {
    assertThat(CoapPaths.mirroredKinds())
        .containsExactly(
            TopicKind.STATUS,
            TopicKind.TELEMETRY,
            TopicKind.STATE,
            TopicKind.EVENTS,
            TopicKind.COMMAND_RESULT);
  }

  @Test
  void pathsMirrorTopicNames() {
    for (TopicKind kind : CoapPaths.mirroredKinds()) {
      var topic = new Topic(WASHER, kind);
      assertThat(CoapPaths.path(topic)).isEqualTo("/" + topic.name());
      assertThat(CoapPaths.parse(CoapPaths.path(topic))).isEqualTo(new TopicCheck.Accepted(topic));
      assertThat(CoapPaths.parse(topic.name())).isEqualTo(new TopicCheck.Accepted(topic));
    }
  }

  @Test
  void segmentsAreUriPathOptions() {
    assertThat(CoapPaths.segments(new Topic(WASHER, TopicKind.COMMAND_RESULT)))
        .isEqualTo(List.of("hearth", "v1", "washer-01", "commands", "result"));
  }

  @Test
  void hubToDeviceKindsHaveNoPath() {
    assertThatThrownBy(() -> CoapPaths.path(new Topic(WASHER, TopicKind.COMMANDS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no CoAP mirror");
  }

  @ParameterizedTest
  @CsvSource({
    "/hearth/v1/washer-01/commands, UNKNOWN_SUFFIX",
    "/hearth/v1/washer-01/update,   UNKNOWN_SUFFIX",
    "/hearth/v1/washer-01/metrics,  UNKNOWN_SUFFIX",
    "/hearth/v1/+/telemetry,        BAD_DEVICE_ID",
    "/hearth/v2/washer-01/status,   WRONG_PREFIX",
    "/.well-known/core,             WRONG_PREFIX",
    "//hearth/v1/washer-01/status,  WRONG_PREFIX",
  })
  void refusesOtherPaths(String path, TopicProblem problem) {
    assertThat(CoapPaths.parse(path).refusal()).as(path).contains(problem);
  }
}
