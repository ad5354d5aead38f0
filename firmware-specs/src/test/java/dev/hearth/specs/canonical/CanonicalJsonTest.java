package dev.hearth.specs.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785's published examples, and the signable subset Hearth adds on top. */
class CanonicalJsonTest {

  private static JsonNode json(String text) {
    return StrictJson.parse(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
  }

  private static String canonical(String text) {
    return new String(CanonicalJson.encode(json(text)), StandardCharsets.UTF_8);
  }

  @Test
  void rfc8785Section3_2_2And3_2_4PrimitivesAndUtf8() {
    String input =
        """
        {
          "numbers": [333333333.33333329, 1E30, 4.50,
                      2e-3, 0.000000000000000000000000001],
          "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
          "literals": [null, true, false]
        }
        """;

    byte[] canonical = CanonicalJson.encode(json(input));

    // The UTF-8 bytes printed in RFC 8785 section 3.2.4.
    String rfcHex =
        "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72"
            + " 75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a"
            + " 5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31"
            + " 65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37"
            + " 5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30"
            + " 30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d";
    assertThat(canonical).isEqualTo(HexFormat.ofDelimiter(" ").parseHex(rfcHex));
    assertThat(new String(canonical, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void rfc8785Section3_2_3SortsMembersByUtf16CodeUnits() {
    String input =
        """
        {
          "\\u20ac": "Euro Sign",
          "\\r": "Carriage Return",
          "\\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\\ud83d\\ude00": "Emoji: Grinning Face",
          "\\u0080": "Control",
          "\\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """;

    assertThat(canonical(input))
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  /** RFC 8785 appendix B: IEEE 754 bit patterns and their canonical text. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void rfc8785AppendixBNumbers(String ieee754Hex, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754Hex, 16));

    byte[] canonical = CanonicalJson.encode(DoubleNode.valueOf(value));

    assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void layoutAndMemberOrderDoNotChangeTheBytes() {
    assertThat(
            CanonicalJson.encode(json("{ \"b\" : [1, 2], \"a\" : {\"y\": true, \"x\": \"é\"} }")))
        .isEqualTo(
            CanonicalJson.encode(json("{\"a\":{\"x\":\"\\u00e9\",\"y\":true},\"b\":[1,2]}")));
  }

  @Test
  void theSignableSubsetTakesStringsSafeIntegersBooleansArraysAndObjects() {
    String document =
        "{\"s\":\"text\",\"max\":9007199254740991,\"min\":-9007199254740991,\"b\":false,"
            + "\"a\":[{\"nested\":[]}]}";

    assertThat(new String(CanonicalJson.encodeSignable(json(document)), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"a\":[{\"nested\":[]}],\"b\":false,\"max\":9007199254740991,"
                + "\"min\":-9007199254740991,\"s\":\"text\"}");
  }

  @Test
  void floatsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> CanonicalJson.encodeSignable(json("{\"artifact\":{\"size\":1.0}}")))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> {
              assertThat(e.field()).isEqualTo("/artifact/size");
              assertThat(e.problem()).contains("1.0 is not an integer");
            });
    assertThatThrownBy(() -> CanonicalJson.encodeSignable(json("[1e3]")))
        .hasMessageContaining("/0: 1000.0 is not an integer");
  }

  @Test
  void nullIsRefusedNamingTheField() {
    assertThatThrownBy(() -> CanonicalJson.encodeSignable(json("{\"a\":[true,null]}")))
        .hasMessage("/a/1: null is not allowed in signed documents; leave the field out instead");
  }

  @Test
  void integersBeyondTwoToThe53AreRefused() {
    assertThatThrownBy(() -> CanonicalJson.encodeSignable(json("{\"n\":9007199254740992}")))
        .hasMessageContaining("/n: 9007199254740992 is outside ±9007199254740991");
    assertThatThrownBy(
            () -> CanonicalJson.encodeSignable(json("{\"n\":-123456789012345678901234567890}")))
        .hasMessageContaining("/n: -123456789012345678901234567890 is outside");
  }

  @Test
  void loneSurrogatesAreRefusedInValuesAndNames() {
    assertThatThrownBy(() -> CanonicalJson.encodeSignable(json("{\"s\":\"a\\ud800b\"}")))
        .hasMessageContaining("/s: string holds a lone UTF-16 surrogate (\\ud800 at index 1)");
    // Jackson already refuses such names in text; a tree built in code can still hold one.
    var built = StrictJson.object().put("\udc00", 1);
    assertThatThrownBy(() -> CanonicalJson.encodeSignable(built))
        .hasMessageContaining("member name holds a lone UTF-16 surrogate");
  }

  @Test
  void pointersEscapeSlashAndTilde() {
    assertThatThrownBy(() -> CanonicalJson.encodeSignable(json("{\"a/b~c\":null}")))
        .hasMessageStartingWith("/a~1b~0c: ");
  }
}
