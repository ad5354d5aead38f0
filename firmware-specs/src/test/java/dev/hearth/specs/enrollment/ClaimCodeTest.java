package dev.hearth.specs.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.specs.canonical.Parsed;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Claim codes read the way people type them and are generated from the whole alphabet. */
class ClaimCodeTest {

  private static String read(String typed) {
    return ClaimCode.parse(typed).orElseThrow().value();
  }

  private static String problem(String typed) {
    Parsed<ClaimCode> parsed = ClaimCode.parse(typed);
    assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
    return ((Parsed.Invalid<ClaimCode>) parsed).problem();
  }

  @Test
  void caseSpacesAndHyphensDoNotMatter() {
    assertThat(read("K7M2-9QXD")).isEqualTo("K7M2-9QXD");
    assertThat(read("k7m29qxd")).isEqualTo("K7M2-9QXD");
    assertThat(read(" k7m2 - 9qxd ")).isEqualTo("K7M2-9QXD");
    assertThat(read("K7-M2-9Q-XD")).isEqualTo("K7M2-9QXD");
  }

  @Test
  void lookAlikesReadAsTheDigitsTheyResemble() {
    assertThat(read("IL0O-abcd")).isEqualTo("1100-ABCD");
  }

  @Test
  void wrongSymbolsAndLengthsSayWhatACodeLooksLike() {
    assertThat(problem("K7M2-9QXU"))
        .startsWith("'U' cannot be in a claim code")
        .contains("K7M2-9QXD");
    assertThat(problem("K7M2-9QX"))
        .isEqualTo(
            "a claim code has 8 characters (not counting the hyphen), this has 7; it looks like"
                + " K7M2-9QXD");
    assertThat(problem("  ")).contains("empty");
    assertThat(problem(null)).contains("empty");
  }

  @Test
  void onlyNormalizedCodesCanBeBuiltDirectly() {
    assertThatThrownBy(() -> new ClaimCode("k7m2-9qxd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generatedCodesAreNormalizedRandomAndUseEverySymbol() {
    SplittableRandom random = new SplittableRandom(42);
    Set<String> codes = new HashSet<>();
    Set<Character> symbols = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = ClaimCode.generate(random).value();
      assertThat(read(code)).isEqualTo(code);
      codes.add(code);
      code.replace("-", "").chars().forEach(c -> symbols.add((char) c));
    }
    assertThat(codes).hasSize(1000);
    assertThat(symbols).hasSize(32);
  }
}
