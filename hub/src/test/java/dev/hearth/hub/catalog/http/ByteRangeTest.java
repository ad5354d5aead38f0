package dev.hearth.hub.catalog.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

  @Test
  void aSingleRangeIsServedClippedToTheArtifact() {
    assertThat(ByteRange.of("bytes=0-99", 1000)).isEqualTo(new ByteRange.Part(0, 99));
    assertThat(ByteRange.of("bytes=900-", 1000)).isEqualTo(new ByteRange.Part(900, 999));
    assertThat(ByteRange.of("bytes=900-5000", 1000)).isEqualTo(new ByteRange.Part(900, 999));
    assertThat(ByteRange.of("bytes=-100", 1000)).isEqualTo(new ByteRange.Part(900, 999));
    assertThat(ByteRange.of("bytes=-5000", 1000)).isEqualTo(new ByteRange.Part(0, 999));
  }

  @Test
  void aRangeStartingPastTheEndIsUnsatisfiable() {
    assertThat(ByteRange.of("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThat(ByteRange.of("bytes=1000-2000", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThat(ByteRange.of("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThat(ByteRange.of("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  @Test
  void rangesTheServerMayIgnoreGetTheWholeArtifact() {
    assertThat(ByteRange.of(null, 1000)).isInstanceOf(ByteRange.Whole.class);
    assertThat(ByteRange.of("bytes=0-1,5-6", 1000)).isInstanceOf(ByteRange.Whole.class);
    assertThat(ByteRange.of("items=0-1", 1000)).isInstanceOf(ByteRange.Whole.class);
    assertThat(ByteRange.of("bytes=9-3", 1000)).isInstanceOf(ByteRange.Whole.class);
    assertThat(ByteRange.of("bytes=-", 1000)).isInstanceOf(ByteRange.Whole.class);
  }
}
