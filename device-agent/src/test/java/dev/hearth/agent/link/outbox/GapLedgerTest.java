package dev.hearth.agent.link.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GapLedgerTest {

  private final GapLedger ledger = new GapLedger(Gap.NONE, -1, Gap.NONE);

  @Test
  void theFirstBatchSentAfterALossReportsItOnce() {
    ledger.lost(1, 5, 1_000, 5_000);
    ledger.lost(2, 5, 6_000, 10_000);

    assertThat(ledger.claimFor(3)).isEqualTo(new GapLedger.Claim(10, true));
    assertThat(ledger.claimFor(3))
        .as("sent again: same count")
        .isEqualTo(new GapLedger.Claim(10, false));
    assertThat(ledger.claimFor(4)).as("the claim is out").isEqualTo(new GapLedger.Claim(0, false));
    assertThat(ledger.delivered(3)).contains(new Gap(10, 2, 1_000, 10_000));
    assertThat(ledger.unreported().isEmpty()).isTrue();
    assertThat(ledger.delivered(3)).isEmpty();
  }

  @Test
  void lossesWhileAClaimIsOutWaitForTheNextBatch() {
    ledger.lost(1, 5, 1_000, 5_000);
    ledger.claimFor(2);
    ledger.lost(3, 4, 11_000, 14_000);

    assertThat(ledger.delivered(2)).contains(new Gap(5, 1, 1_000, 5_000));
    assertThat(ledger.claimFor(4)).isEqualTo(new GapLedger.Claim(4, true));
  }

  @Test
  void aClaimingBatchThatIsLostGivesItsClaimBack() {
    ledger.lost(1, 5, 1_000, 5_000);
    ledger.claimFor(2);
    ledger.lost(2, 5, 6_000, 10_000);

    assertThat(ledger.claimSeq()).isEqualTo(-1);
    assertThat(ledger.unreported()).isEqualTo(new Gap(10, 2, 1_000, 10_000));
    ledger.keepClaimOnlyIf(false);
    assertThat(ledger.claimFor(3).dropped()).isEqualTo(10);
  }
}
