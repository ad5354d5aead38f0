package dev.hearth.hub.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveStreamFrameTest {

  @Test
  void aFrameNamesItsEventAndEndsWithABlankLine() {
    assertThat(LiveStream.frame("state", "{\"a\":1}"))
        .isEqualTo("event: state\ndata: {\"a\":1}\n\n");
  }

  @Test
  void lineBreaksInDataBecomeSeveralDataLines() {
    assertThat(LiveStream.frame("event", "one\ntwo\r\nthree"))
        .isEqualTo("event: event\ndata: one\ndata: two\ndata: three\n\n");
  }
}
