package dev.hearth.specs.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

  private static Parsed<?> parse(String text) {
    return StrictJson.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String problem(Parsed<?> parsed) {
    assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
    return ((Parsed.Invalid<?>) parsed).message();
  }

  @Test
  void duplicateMemberNamesAreRefused() {
    // Two readers must never disagree about which "version" counts.
    assertThat(problem(parse("{\"version\":\"1.0.0\",\"version\":\"9.9.9\"}")))
        .contains("Duplicate field 'version'");
  }

  @Test
  void trailingContentIsRefused() {
    assertThat(problem(parse("{\"a\":1} {\"a\":2}"))).contains("not valid");
  }

  @Test
  void truncatedJsonNamesLineAndColumn() {
    assertThat(problem(parse("{\n  \"a\": [1,\n"))).startsWith("not valid JSON at line ");
  }

  @Test
  void emptyInputIsRefused() {
    assertThat(problem(parse(""))).isEqualTo("document is empty; expected a JSON object");
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
    assertThat(StrictJson.parse(bad)).isInstanceOf(Parsed.Invalid.class);
  }

  @Test
  void oversizedDocumentsAreRefusedBeforeParsing() {
    byte[] huge = new byte[StrictJson.MAX_DOCUMENT_BYTES + 1];
    assertThat(problem(StrictJson.parse(huge))).contains("trust documents are limited to");
  }

  @Test
  void writingIsPrettyAndEndsWithANewline() {
    var object = StrictJson.object().put("a", 1);
    assertThat(new String(StrictJson.write(object), StandardCharsets.UTF_8))
        .isEqualTo("{\n  \"a\" : 1\n}\n");
  }
}
