package dev.hearth.specs.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FieldReaderTest {

  private static FieldReader reader(String json) {
    return FieldReader.of(
        StrictJson.parse(json.getBytes(StandardCharsets.UTF_8)).orElseThrow(), "/signed");
  }

  @Test
  void wrongTypesNameTheFieldAndWhatWasFound() {
    assertThatThrownBy(() -> reader("{\"specVersion\":\"1\"}").integer("specVersion"))
        .hasMessage("/signed/specVersion: must be an integer, got the string '1'");
    assertThatThrownBy(() -> reader("{\"name\":null}").text("name"))
        .hasMessage("/signed/name: is required");
    assertThatThrownBy(() -> reader("{}").object("artifact"))
        .hasMessage("/signed/artifact: is required");
    assertThatThrownBy(() -> reader("{\"profiles\":[\"a\",2]}").texts("profiles"))
        .hasMessage("/signed/profiles/1: must be a string, got the number 2");
  }

  @Test
  void optionalBooleansDefaultWhenAbsentButNotWhenNull() {
    assertThat(reader("{}").bool("downgrade", false)).isFalse();
    assertThat(reader("{\"downgrade\":true}").bool("downgrade", false)).isTrue();
    assertThatThrownBy(() -> reader("{\"downgrade\":null}").bool("downgrade", false))
        .hasMessage("/signed/downgrade: is required");
  }

  @Test
  void instantsAreRfc3339InUtc() {
    assertThat(reader("{\"t\":\"2026-05-01T12:00:00Z\"}").instant("t"))
        .isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
    assertThat(reader("{\"t\":\"2026-05-01T12:00:00.250Z\"}").instant("t"))
        .isEqualTo(Instant.parse("2026-05-01T12:00:00.250Z"));
    for (String refused :
        new String[] {
          "2026-05-01T12:00:00+02:00", "2026-05-01 12:00:00Z", "2026-02-30T00:00:00Z"
        }) {
      assertThatThrownBy(() -> reader("{\"t\":\"" + refused + "\"}").instant("t"))
          .hasMessageContaining("is not an RFC 3339 UTC instant");
    }
  }

  @Test
  void integerRangesAreChecked() {
    assertThatThrownBy(() -> reader("{\"threshold\":0}").integer("threshold", 1, 5))
        .hasMessage("/signed/threshold: 0 is out of range; expected 1 to 5");
  }
}
