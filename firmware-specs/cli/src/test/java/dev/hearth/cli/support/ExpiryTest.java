package dev.hearth.cli.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiryTest {

  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00.750Z");

  @Test
  void relativeExpiriesCountFromNowToTheSecond() {
    assertThat(Expiry.parse("180d").from(NOW)).isEqualTo("2026-10-28T10:00:00Z");
    assertThat(Expiry.parse("2w").from(NOW)).isEqualTo("2026-05-15T10:00:00Z");
    assertThat(Expiry.parse("12h").from(NOW)).isEqualTo("2026-05-01T22:00:00Z");
    assertThat(Expiry.parse("1y").from(NOW)).isEqualTo("2027-05-01T10:00:00Z");
  }

  @Test
  void anInstantIsTakenAsIs() {
    assertThat(Expiry.parse("2027-01-01T00:00:00Z").from(NOW)).isEqualTo("2027-01-01T00:00:00Z");
  }

  @Test
  void anythingElseSaysWhatToWrite() {
    for (String bad : new String[] {"", "180", "0d", "3m", "2027-01-01", "tomorrow"}) {
      assertThatThrownBy(() -> Expiry.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("write a time from now such as 180d");
    }
  }
}
