package dev.hearth.hub.registry;

import dev.hearth.hub.limits.RateLimiter;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Devices;
import dev.hearth.specs.enrollment.ClaimCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's side of enrollment: issuing codes for boards to enroll with, and claiming a device
 * that enrolled with its own code. Claiming issues the device's credentials; they wait in the
 * {@link CredentialDrop} for the device's next poll.
 */
public final class ClaimService {

  private static final Logger LOG = LoggerFactory.getLogger(ClaimService.class);
  private static final int CODE_ATTEMPTS = 16;

  private final Devices devices;
  private final DeviceSecrets secrets;
  private final CredentialDrop drop;
  private final RateLimiter perOwner;
  private final RegistryConfig config;
  private final Clock clock;
  private final SecureRandom random;

  public ClaimService(
      Devices devices,
      DeviceSecrets secrets,
      CredentialDrop drop,
      RegistryConfig config,
      Clock clock,
      SecureRandom random) {
    this.devices = devices;
    this.secrets = secrets;
    this.drop = drop;
    this.config = config;
    this.clock = clock;
    this.random = random;
    this.perOwner = new RateLimiter(config.claimPerOwner(), clock);
  }

  /** A fresh code that enrolls a board straight to {@code ownerId}. */
  public IssuedClaimCode issueCode(String ownerId) {
    Instant expiresAt = clock.instant().plus(config.claimCodeTtl());
    for (int i = 0; i < CODE_ATTEMPTS; i++) {
      ClaimCode code = ClaimCode.generate(random);
      // A code some device already enrolled with would enroll nothing; draw again.
      if (devices.findByClaimCode(code.value()).isEmpty()
          && devices.claimCodeOwner(code.value(), clock.instant()).isEmpty()) {
        devices.issueClaimCode(code.value(), ownerId, expiresAt);
        return new IssuedClaimCode(code, expiresAt);
      }
    }
    throw new IllegalStateException("no free claim code after " + CODE_ATTEMPTS + " draws");
  }

  /**
   * Claims the pending device that enrolled with {@code code} for {@code ownerId}; repeating a
   * successful claim answers the same.
   */
  public ClaimOutcome claim(String ownerId, ClaimCode code) {
    RateLimiter.Decision decision = perOwner.tryAcquire(ownerId);
    if (!decision.allowed()) {
      return new ClaimOutcome.Throttled(decision.retryAfter());
    }
    Optional<Device> found = devices.findByClaimCode(code.value());
    if (found.isEmpty()) {
      return new ClaimOutcome.NotFound();
    }
    Device device = found.get();
    if (device.state() == Device.State.PENDING) {
      Instant now = clock.instant();
      DeviceSecrets.Issued issued = secrets.issue(device.id());
      if (devices.claim(device.id(), ownerId, issued.passwordHash(), issued.pskReference(), now)) {
        drop.put(device.id(), issued.credentials(), now.plus(config.credentialWindow()));
        perOwner.reset(ownerId);
        LOG.info("device {} claimed by owner {}", device.id(), ownerId);
        return new ClaimOutcome.Claimed(devices.find(device.id()).orElseThrow(), true);
      }
      device = devices.find(device.id()).orElseThrow();
    }
    if (device.state() == Device.State.ACTIVE && ownerId.equals(device.ownerId())) {
      return new ClaimOutcome.Claimed(device, false);
    }
    return new ClaimOutcome.NotFound();
  }
}
