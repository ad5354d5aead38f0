package dev.hearth.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardClaimCodeTest {

  @TempDir Path stateDir;

  @Test
  void selftestAndEnrollShowTheSameCodeUntilTheBoardIsEnrolled() {
    BoardClaimCode.Result first = BoardClaimCode.loadOrCreate(stateDir, new Random(1));
    BoardClaimCode.Result again = BoardClaimCode.loadOrCreate(stateDir, new Random(2));
    assertThat(first.stored()).isTrue();
    assertThat(again.code()).isEqualTo(first.code());

    BoardClaimCode.forget(stateDir);
    assertThat(BoardClaimCode.loadOrCreate(stateDir, new Random(2)).code())
        .isNotEqualTo(first.code());
  }

  @Test
  void anUnwritableStateDirectoryStillGivesACodeButSaysItIsNotStored() throws Exception {
    Path file = Files.writeString(stateDir.resolve("not-a-dir"), "x");
    BoardClaimCode.Result result = BoardClaimCode.loadOrCreate(file, new Random(3));
    assertThat(result.stored()).isFalse();
    assertThat(result.code().value()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
  }
}
