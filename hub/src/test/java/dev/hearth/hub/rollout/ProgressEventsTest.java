package dev.hearth.hub.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hub.rollout.store.DeviceUpdateState;
import dev.hearth.hub.rollout.store.ProgressReport;
import dev.hearth.hub.store.IngestBatch.EventRow;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressEventsTest {

  private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

  private static Optional<ProgressReport> read(String type, String data) {
    String json =
        "{\"seq\":1,\"ts\":1,\"type\":\""
            + type
            + "\",\"severity\":\"info\",\"message\":\"m\","
            + "\"data\":"
            + data
            + "}";
    return ProgressEvents.read(new EventRow("wsh-1", 1, 1, type, "info", "m", json), AT);
  }

  @Test
  void anUpdateProgressEventReadsAsAReport() {
    ProgressReport r =
        read(
                "update-progress",
                "{\"offerId\":\"o1\",\"rolloutId\":\"ro-1\",\"state\":\"downloading\","
                    + "\"progress\":0.5,\"from\":\"1.0.0\",\"reason\":null,\"extra\":[1]}")
            .orElseThrow();
    assertThat(r.deviceId()).isEqualTo("wsh-1");
    assertThat(r.offerId()).isEqualTo("o1");
    assertThat(r.state()).isEqualTo(DeviceUpdateState.DOWNLOADING);
    assertThat(r.progress()).isEqualTo(0.5);
    assertThat(r.fromVersion()).isEqualTo("1.0.0");
    assertThat(r.reason()).isNull();
    assertThat(r.at()).isEqualTo(AT);
    assertThat(
            read(
                    "update-progress",
                    "{\"offerId\":\"o1\",\"state\":\"failed\",\"reason\":\"OFFER_EXPIRED\"}")
                .orElseThrow()
                .isExpiredOffer())
        .isTrue();
  }

  @Test
  void eventsARolloutCannotUseAreSkipped() {
    assertThat(read("cycle-finished", "{\"offerId\":\"o1\",\"state\":\"committed\"}")).isEmpty();
    assertThat(read("update-progress", "{\"state\":\"committed\"}")).isEmpty();
    assertThat(read("update-progress", "{\"offerId\":\"o1\",\"state\":\"dancing\"}")).isEmpty();
    assertThat(read("update-progress", "{\"offerId\":\"o1\",\"state\":\"pending\"}"))
        .as("pending is the hub's own state")
        .isEmpty();
    assertThat(
            read("update-progress", "{\"offerId\":\"o1\",\"state\":\"downloading\",\"progress\":7}")
                .orElseThrow()
                .progress())
        .isNull();
  }
}
