package dev.hearth.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LiveStatusTest {

  @Test
  void onATerminalTheStatusIsRedrawnInPlaceAndEventsGoAboveIt() {
    StringWriter text = new StringWriter();
    LiveStatus live = new LiveStatus(new PrintWriter(text), true, 1);
    live.status(() -> "cotton-40 · fill");
    live.line("[0:01:02] step heat");
    assertThat(text.toString())
        .isEqualTo(
            "cotton-40 · fill\r                \r[0:01:02] step heat" + System.lineSeparator());
  }

  @Test
  void elsewhereStatusLinesArePlainAndThinnedOut() {
    StringWriter text = new StringWriter();
    LiveStatus live = new LiveStatus(new PrintWriter(text), false, 3);
    for (int i = 0; i < 7; i++) {
      int n = i;
      live.status(() -> "status " + n);
    }
    assertThat(text.toString().lines()).containsExactly("status 0", "status 3", "status 6");
    assertThat(text.toString()).doesNotContain("\r");
  }
}
