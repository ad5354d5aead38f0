package dev.hearth.hub.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RolloutConfigTest {

  private static final URI HUB = URI.create("https://hub.example");

  @Test
  void defaultsAreNamedAndValid() {
    RolloutConfig c = RolloutConfig.builder(HUB).build();
    assertThat(c.tick()).isEqualTo(RolloutConfig.DEFAULT_TICK);
    assertThat(c.offerTtl()).isEqualTo(RolloutConfig.DEFAULT_OFFER_TTL);
    assertThat(c.artifactCoapBase()).isNull();
    assertThat(c.instanceId()).startsWith("hub-");
  }

  @Test
  void aSettingOutOfRangeIsRefusedByName() {
    assertThatThrownBy(() -> RolloutConfig.builder(URI.create("ftp://hub")).build())
        .hasMessageContaining("artifactHttpBase");
    assertThatThrownBy(
            () -> RolloutConfig.builder(HUB).artifactCoapBase(URI.create("http://hub")).build())
        .hasMessageContaining("artifactCoapBase");
    assertThatThrownBy(() -> RolloutConfig.builder(HUB).lease(Duration.ofSeconds(5)).build())
        .hasMessageContaining("lease");
    assertThatThrownBy(() -> RolloutConfig.builder(HUB).offersPerTick(0).build())
        .hasMessageContaining("offersPerTick");
    assertThatThrownBy(() -> RolloutConfig.builder(HUB).offerTtl(Duration.ZERO).build())
        .hasMessageContaining("offerTtl");
  }

  @Test
  void offerIdsAreTheSameOnEveryInstanceAndFitTheWireLimit() {
    String id = OfferMaker.offerId("ro-0123456789ab", "x".repeat(64), 3);
    assertThat(id).isEqualTo(OfferMaker.offerId("ro-0123456789ab", "x".repeat(64), 3));
    assertThat(id).isNotEqualTo(OfferMaker.offerId("ro-0123456789ab", "x".repeat(64), 4));
    assertThat(id).hasSize(25).matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
  }
}
