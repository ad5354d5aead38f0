package dev.hearth.hub.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.hub.rollout.store.InvalidPlanException;
import dev.hearth.hub.rollout.store.MaintenanceWindow;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Test
  void aNightWindowIsOpenBetweenItsLocalTimesInTheOwnersZone() {
    MaintenanceWindow night = MaintenanceWindow.parse("02:00", "05:00");
    // 01:00 UTC in January is 02:00 in Berlin (the start is inside) and 10:00 in Tokyo.
    Instant t = Instant.parse("2030-01-15T01:00:00Z");
    assertThat(night.isOpen(t, BERLIN)).isTrue();
    assertThat(night.isOpen(t, TOKYO)).isFalse();
    assertThat(night.isOpen(Instant.parse("2030-01-15T04:00:00Z"), BERLIN))
        .as("the end is outside")
        .isFalse();
    assertThat(night.closesAfter(t, BERLIN)).isEqualTo(Instant.parse("2030-01-15T04:00:00Z"));
    assertThat(night.closesAfter(t, TOKYO)).isEqualTo(Instant.parse("2030-01-15T20:00:00Z"));
  }

  @Test
  void aWindowEndingBeforeItStartsSpansMidnight() {
    MaintenanceWindow late = MaintenanceWindow.parse("23:00", "02:30");
    assertThat(late.isOpen(Instant.parse("2030-01-15T22:30:00Z"), BERLIN)).isTrue(); // 23:30
    assertThat(late.isOpen(Instant.parse("2030-01-16T01:00:00Z"), BERLIN)).isTrue(); // 02:00
    assertThat(late.isOpen(Instant.parse("2030-01-16T02:00:00Z"), BERLIN)).isFalse(); // 03:00
    assertThat(late.closesAfter(Instant.parse("2030-01-15T22:30:00Z"), BERLIN))
        .isEqualTo(Instant.parse("2030-01-16T01:30:00Z"));
  }

  @Test
  void summerTimeMovesTheWindowWithTheOwnersClock() {
    MaintenanceWindow night = MaintenanceWindow.parse("02:00", "05:00");
    // July: Berlin is UTC+2, so 02:00 local is 00:00 UTC.
    assertThat(night.isOpen(Instant.parse("2030-07-15T00:00:00Z"), BERLIN)).isTrue();
    assertThat(night.closesAfter(Instant.parse("2030-07-15T00:00:00Z"), BERLIN))
        .isEqualTo(Instant.parse("2030-07-15T03:00:00Z"));
  }

  @Test
  void windowsThatCannotWorkAreRefusedNamingTheField() {
    assertThatThrownBy(() -> MaintenanceWindow.parse("2am", "05:00"))
        .isInstanceOf(InvalidPlanException.class)
        .extracting(e -> ((InvalidPlanException) e).pointer())
        .isEqualTo("/window/start");
    assertThatThrownBy(() -> MaintenanceWindow.parse("03:00", "03:00"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("last a while");
    assertThatThrownBy(() -> MaintenanceWindow.parse("03:00", null))
        .extracting(e -> ((InvalidPlanException) e).pointer())
        .isEqualTo("/window/end");
  }
}
