package dev.hearth.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hub.limits.RateLimit;
import dev.hearth.hub.registry.EnrollmentOutcome.Enrolled;
import dev.hearth.hub.registry.EnrollmentOutcome.Pending;
import dev.hearth.hub.registry.EnrollmentOutcome.Refusal;
import dev.hearth.hub.registry.EnrollmentOutcome.Refused;
import dev.hearth.hub.registry.EnrollmentOutcome.Throttled;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Owner;
import dev.hearth.specs.enrollment.ClaimCode;
import dev.hearth.specs.trust.EnvelopeCodec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrollmentServiceTest {

  private final RegistryFixture fx =
      RegistryFixture.create(b -> b.enrollPerAddress(RateLimit.of(20, Duration.ofMinutes(1))));
  private final EnrollmentService enrollment = fx.registry.enrollment();
  private final ClaimService claims = fx.registry.claims();
  private final Owner alice = fx.owner("alice@example.test");
  private final Owner bob = fx.owner("bob@example.test");

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void anOwnerIssuedCodeEnrollsAtOnceWithWorkingCredentialsAndThePinnedRoot() {
    ClaimCode code = claims.issueCode(alice.id()).code();
    var outcome = enrollment.enroll(fx.request(code, RegistryFixture.WASHER), "10.0.0.1");

    assertThat(outcome).isInstanceOf(Enrolled.class);
    Enrolled enrolled = (Enrolled) outcome;
    assertThat(enrolled.deviceId()).matches("wsh-[0-9a-f]{6}");
    assertThat(enrolled.mqttUri()).hasToString("ssl://hub.test:8883");
    assertThat(enrolled.root()).isEqualTo(EnvelopeCodec.toJson(fx.root));
    Device device = fx.store.devices().find(enrolled.deviceId()).orElseThrow();
    assertThat(device.state()).isEqualTo(Device.State.ACTIVE);
    assertThat(device.ownerId()).isEqualTo(alice.id());

    var authenticator = fx.registry.deviceAuthenticator();
    byte[] password = enrolled.credentials().password().getBytes(StandardCharsets.UTF_8);
    assertThat(authenticator.authenticate(enrolled.deviceId(), password)).isTrue();
    assertThat(authenticator.authenticate(enrolled.deviceId(), "wrong".getBytes())).isFalse();
    assertThat(authenticator.authenticate("wsh-ffffff", password)).isFalse();
    assertThat(authenticator.authenticate("../../etc", password)).isFalse();
    assertThat(authenticator.preSharedKey(enrolled.deviceId()))
        .hasValueSatisfying(psk -> assertThat(psk).isEqualTo(enrolled.credentials().psk()));
    // Only hashes are stored.
    assertThat(fx.store.devices().passwordHash(enrolled.deviceId()).orElseThrow())
        .doesNotContain(enrolled.credentials().password());
  }

  @Test
  void aRepeatedRequestGetsTheSameAnswerWithinTheWindowAndNoSecretsAfterIt() {
    ClaimCode code = claims.issueCode(alice.id()).code();
    EnrollmentRequest request = fx.request(code, RegistryFixture.WASHER);
    Enrolled first = (Enrolled) enrollment.enroll(request, "10.0.0.1");

    fx.clock.advance(Duration.ofMinutes(5));
    Enrolled again = (Enrolled) enrollment.enroll(request, "10.0.0.1");
    assertThat(again.deviceId()).isEqualTo(first.deviceId());
    assertThat(again.credentials()).isEqualTo(first.credentials());

    fx.clock.advance(fx.config.credentialWindow());
    var late = enrollment.enroll(request, "10.0.0.1");
    assertThat(late).isInstanceOf(Refused.class);
    assertThat(((Refused) late).reason()).isEqualTo(Refusal.ALREADY_ENROLLED);
    assertThat(((Refused) late).detail()).contains(first.deviceId(), "--force");
  }

  @Test
  void aDeviceIssuedCodeWaitsUntilItsOwnerClaimsIt() {
    ClaimCode code = ClaimCode.generate(new SecureRandom());
    EnrollmentRequest request = fx.request(code, RegistryFixture.MICROWAVE);

    assertThat(enrollment.enroll(request, "10.0.0.1")).isInstanceOf(Pending.class);
    var pending = (Pending) enrollment.enroll(request, "10.0.0.1");
    assertThat(pending.pollAfter()).isEqualTo(Duration.ofSeconds(5));
    Device device = fx.store.devices().findByClaimCode(code.value()).orElseThrow();
    assertThat(device.state()).isEqualTo(Device.State.PENDING);
    assertThat(fx.registry.deviceAuthenticator().preSharedKey(device.id())).isEmpty();

    var claimed = claims.claim(alice.id(), code);
    assertThat(claimed).isInstanceOf(ClaimOutcome.Claimed.class);
    assertThat(((ClaimOutcome.Claimed) claimed).newlyClaimed()).isTrue();
    assertThat(((ClaimOutcome.Claimed) claimed).device().ownerId()).isEqualTo(alice.id());

    var enrolled = (Enrolled) enrollment.enroll(request, "10.0.0.1");
    assertThat(enrolled.deviceId()).isEqualTo(device.id()).startsWith("mcr-");
    assertThat(
            fx.registry
                .deviceAuthenticator()
                .authenticate(
                    device.id(),
                    enrolled.credentials().password().getBytes(StandardCharsets.UTF_8)))
        .isTrue();
  }

  @Test
  void claimingIsIdempotentForItsOwnerAndLooksLikeNothingToOthers() {
    ClaimCode code = ClaimCode.generate(new SecureRandom());
    enrollment.enroll(fx.request(code, RegistryFixture.WASHER), "10.0.0.1");
    claims.claim(alice.id(), code);

    var again = claims.claim(alice.id(), code);
    assertThat(again).isInstanceOf(ClaimOutcome.Claimed.class);
    assertThat(((ClaimOutcome.Claimed) again).newlyClaimed()).isFalse();
    assertThat(claims.claim(bob.id(), code)).isInstanceOf(ClaimOutcome.NotFound.class);
    assertThat(claims.claim(bob.id(), ClaimCode.generate(new SecureRandom())))
        .isInstanceOf(ClaimOutcome.NotFound.class);
  }

  @Test
  void guessingClaimCodesIsThrottledPerOwner() {
    var random = new SecureRandom();
    for (int i = 0; i < RegistryConfig.DEFAULT_CLAIM_PER_OWNER.capacity(); i++) {
      assertThat(claims.claim(bob.id(), ClaimCode.generate(random)))
          .isInstanceOf(ClaimOutcome.NotFound.class);
    }
    assertThat(claims.claim(bob.id(), ClaimCode.generate(random)))
        .isInstanceOf(ClaimOutcome.Throttled.class);
    assertThat(claims.claim(alice.id(), ClaimCode.generate(random)))
        .isInstanceOf(ClaimOutcome.NotFound.class);
  }

  @Test
  void aCodeHeldByOneBoardIsRefusedToAnother() {
    ClaimCode owned = claims.issueCode(alice.id()).code();
    enrollment.enroll(fx.request(owned, RegistryFixture.WASHER), "10.0.0.1");
    ClaimCode deviceIssued = ClaimCode.generate(new SecureRandom());
    enrollment.enroll(fx.request(deviceIssued, RegistryFixture.WASHER), "10.0.0.1");

    for (ClaimCode code : new ClaimCode[] {owned, deviceIssued}) {
      var outcome = enrollment.enroll(fx.request(code, RegistryFixture.WASHER), "10.0.0.2");
      assertThat(outcome).isInstanceOf(Refused.class);
      assertThat(((Refused) outcome).reason()).isEqualTo(Refusal.CODE_TAKEN);
    }
  }

  @Test
  void anExpiredOwnerCodeLeavesTheDevicePendingForItsOwnerToClaim() {
    ClaimCode code = claims.issueCode(alice.id()).code();
    fx.clock.advance(fx.config.claimCodeTtl().plusSeconds(1));

    EnrollmentRequest request = fx.request(code, RegistryFixture.WASHER);
    assertThat(enrollment.enroll(request, "10.0.0.1")).isInstanceOf(Pending.class);
    assertThat(claims.claim(alice.id(), code)).isInstanceOf(ClaimOutcome.Claimed.class);
    assertThat(enrollment.enroll(request, "10.0.0.1")).isInstanceOf(Enrolled.class);
  }

  @Test
  void anUnknownProfileIsRefusedAndRegistersNothing() {
    ClaimCode code = claims.issueCode(alice.id()).code();
    var request =
        new EnrollmentRequest(code, "board-x", ProfileRef.parse("open-toaster@1"), "1.0.0");
    var outcome = enrollment.enroll(request, "10.0.0.1");
    assertThat(outcome).isInstanceOf(Refused.class);
    assertThat(((Refused) outcome).reason()).isEqualTo(Refusal.UNKNOWN_PROFILE);
    assertThat(fx.store.devices().findByClaimCode(code.value())).isEmpty();
    // The code is still good for the right board.
    assertThat(enrollment.enroll(fx.request(code, RegistryFixture.WASHER), "10.0.0.1"))
        .isInstanceOf(Enrolled.class);
  }

  @Test
  void aRevokedDeviceIsToldSo() {
    Enrolled enrolled = fx.enrolled(alice.id(), RegistryFixture.WASHER);
    Device device = fx.store.devices().find(enrolled.deviceId()).orElseThrow();
    fx.store.devices().revoke(device.id());
    var request =
        new EnrollmentRequest(
            new ClaimCode(device.claimCode()),
            device.hardwareId(),
            ProfileRef.parse(device.profile()),
            "1.0.0");
    var outcome = enrollment.enroll(request, "10.0.0.1");
    assertThat(outcome).isInstanceOf(Refused.class);
    assertThat(((Refused) outcome).reason()).isEqualTo(Refusal.REVOKED);
    assertThat(
            fx.registry
                .deviceAuthenticator()
                .authenticate(
                    device.id(),
                    enrolled.credentials().password().getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }

  @Test
  void manyRequestsFromOneAddressAreThrottled() {
    var random = new SecureRandom();
    for (int i = 0; i < 20; i++) {
      enrollment.enroll(fx.request(ClaimCode.generate(random), RegistryFixture.WASHER), "10.9.9.9");
    }
    var outcome =
        enrollment.enroll(
            fx.request(ClaimCode.generate(random), RegistryFixture.WASHER), "10.9.9.9");
    assertThat(outcome).isInstanceOf(Throttled.class);
    assertThat(((Throttled) outcome).retryAfter()).isPositive();
    assertThat(
            enrollment.enroll(
                fx.request(ClaimCode.generate(random), RegistryFixture.WASHER), "10.1.1.1"))
        .isInstanceOf(Pending.class);
  }
}
