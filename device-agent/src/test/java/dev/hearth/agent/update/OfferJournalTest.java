package dev.hearth.agent.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.specs.wire.UpdateOffer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal that makes an offer id count once, across restarts. */
class OfferJournalTest {

  @TempDir Path dir;

  @Test
  void whatIsRecordedIsThereAfterARestart() {
    Path file = dir.resolve("offers.json");
    OfferJournal journal = OfferJournal.open(file, 8);
    UpdateOffer first = offer("o-1");
    journal.record(first, UpdateProgress.offered("o-1", "r-1"));
    journal.record(
        first,
        UpdateProgress.offered("o-1", "r-1")
            .describing("open-washer-programs", "program", "1.1.0", "1.0.0")
            .downloading(0.25));
    journal.record(offer("o-2"), UpdateProgress.offered("o-2", null));

    OfferJournal reopened = OfferJournal.open(file, 8);
    JournalEntry entry = reopened.find("o-1").orElseThrow();
    assertThat(entry.seq()).isEqualTo(1);
    assertThat(entry.offer()).isEqualTo(first);
    assertThat(entry.progress().state()).isEqualTo(UpdateState.DOWNLOADING);
    assertThat(entry.progress().progress()).isEqualTo(0.25);
    assertThat(entry.progress().version()).isEqualTo("1.1.0");
    assertThat(reopened.unfinished())
        .extracting(e -> e.offer().offerId())
        .containsExactly("o-1", "o-2");
    assertThat(reopened.latest().orElseThrow().offer().offerId()).isEqualTo("o-2");
  }

  @Test
  void onlyTheNewestFinishedOffersAreKeptAndUnfinishedOnesNeverDropOut() {
    OfferJournal journal = OfferJournal.open(dir.resolve("offers.json"), 2);
    journal.record(offer("open"), UpdateProgress.offered("open", null));
    for (int i = 1; i <= 5; i++) {
      journal.record(
          offer("done-" + i),
          UpdateProgress.offered("done-" + i, null).ended(UpdateState.FAILED, "EXPIRED", null));
    }
    assertThat(journal.find("open")).isPresent();
    assertThat(journal.find("done-3")).isEmpty();
    assertThat(journal.find("done-4")).isPresent();
    assertThat(journal.find("done-5")).isPresent();
    // Sequence numbers keep growing past forgotten entries.
    journal.record(offer("next"), UpdateProgress.offered("next", null));
    assertThat(OfferJournal.open(dir.resolve("offers.json"), 2).find("next").orElseThrow().seq())
        .isEqualTo(7);
  }

  @Test
  void aDamagedJournalIsSetAsideAndTheAgentCarriesOn() throws Exception {
    Path file = dir.resolve("offers.json");
    Files.writeString(file, "{\"offers\":[{\"seq\":1,\"offer\":{\"nonsense\":true}}]}");
    OfferJournal journal = OfferJournal.open(file, 8);
    assertThat(journal.latest()).isEmpty();
    assertThat(dir.resolve("offers.json.damaged")).exists();
    journal.record(offer("o-1"), UpdateProgress.offered("o-1", null));
    assertThat(OfferJournal.open(file, 8).find("o-1")).isPresent();
  }

  private static UpdateOffer offer(String id) {
    return new UpdateOffer(
        id,
        "r-1",
        JsonNodeFactory.instance.objectNode().put("signed", "whatever"),
        List.of(URI.create("https://hub.example/api/v1/artifacts/" + "0".repeat(64))),
        4_000_000_000_000L);
  }
}
