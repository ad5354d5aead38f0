package dev.hearth.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.agent.runtime.ApplianceEvent;
import dev.hearth.specs.wire.Event;
import org.junit.jupiter.api.Test;

class EventDraftsTest {

  private static ApplianceEvent draft(String message) {
    return new ApplianceEvent(-5, "alarm", Event.Severity.ALARM, message, null);
  }

  @Test
  void aMessageIsMadeValidWireTextWithoutLosingTheEvent() {
    ApplianceEvent clean = EventDrafts.normalize(draft("door\u0000open\tat\n12:00 \ud800 end"));
    assertThat(clean.message()).isEqualTo("door open\tat\n12:00 ? end");
    assertThat(clean.ts()).isZero();
    assertThat(clean.data()).isEmpty();
    new Event(1, clean.ts(), clean.type(), clean.severity(), clean.message(), clean.data());
  }

  @Test
  void aLongMessageIsCutWithoutSplittingACharacter() {
    String message = "a".repeat(1023) + "\uD83D\uDE00" + "tail";
    ApplianceEvent clean = EventDrafts.normalize(draft(message));
    assertThat(clean.message()).hasSize(1023);
    assertThat(EventDrafts.normalize(draft("b".repeat(5000))).message()).hasSize(1024);
    assertThat(EventDrafts.normalize(draft(null)).message()).isEmpty();
  }
}
