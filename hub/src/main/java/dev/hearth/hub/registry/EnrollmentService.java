package dev.hearth.hub.registry;

import dev.hearth.hub.limits.RateLimiter;
import dev.hearth.hub.registry.EnrollmentOutcome.Enrolled;
import dev.hearth.hub.registry.EnrollmentOutcome.Pending;
import dev.hearth.hub.registry.EnrollmentOutcome.Refusal;
import dev.hearth.hub.registry.EnrollmentOutcome.Refused;
import dev.hearth.hub.registry.EnrollmentOutcome.Throttled;
import dev.hearth.hub.store.Device;
import dev.hearth.hub.store.Devices;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub side of {@code firmware-specs/SPEC.md, chapter "Enrollment"}.
 *
 * <p>A code that belongs to a device already decides the answer (pending, enrolled, or refused when
 * another board holds it). Otherwise a live owner-issued code enrolls the device at once to that
 * owner; any other well-formed code is taken as device-issued and registers the device as pending
 * until an owner claims it with {@link ClaimService#claim}.
 *
 * <p>Note: the store cannot tell an expired owner-issued code from a fresh device-issued one, so a
 * device presenting an expired code waits as pending and its owner can still claim it with the same
 * code, rather than getting the contract's 404.
 */
public final class EnrollmentService {

  private static final Logger LOG = LoggerFactory.getLogger(EnrollmentService.class);

  private final Devices devices;
  private final DeviceSecrets secrets;
  private final CredentialDrop drop;
  private final PinnedRoot root;
  private final ProfileLookup profiles;
  private final RateLimiter perAddress;
  private final RegistryConfig config;
  private final Clock clock;
  private final SecureRandom random;

  public EnrollmentService(
      Devices devices,
      DeviceSecrets secrets,
      CredentialDrop drop,
      PinnedRoot root,
      ProfileLookup profiles,
      RegistryConfig config,
      Clock clock,
      SecureRandom random) {
    this.devices = devices;
    this.secrets = secrets;
    this.drop = drop;
    this.root = root;
    this.profiles = profiles;
    this.config = config;
    this.clock = clock;
    this.random = random;
    this.perAddress = new RateLimiter(config.enrollPerAddress(), clock);
  }

  /**
   * Handles one enrollment request; idempotent for the same claim code and hardware id.
   *
   * @param request the validated request
   * @param clientAddress the requester's address, for the rate limit
   */
  public EnrollmentOutcome enroll(EnrollmentRequest request, String clientAddress) {
    RateLimiter.Decision decision = perAddress.tryAcquire(clientAddress);
    if (!decision.allowed()) {
      return new Throttled(decision.retryAfter());
    }
    String code = request.claimCode().value();
    Optional<Device> existing = devices.findByClaimCode(code);
    if (existing.isPresent()) {
      return answerFor(existing.get(), request);
    }
    if (profiles.find(request.profile().toString()).isEmpty()) {
      return new Refused(
          Refusal.UNKNOWN_PROFILE,
          "this hub does not know the hardware profile "
              + request.profile()
              + "; update the hub or check the profile in hearth.yaml");
    }
    Instant now = clock.instant();
    // Redeemed atomically: of two boards presenting one owner-issued code, only one gets its owner.
    Optional<String> owner = devices.redeemClaimCode(code, now);
    String id = DeviceIds.generate(request.profile(), random, c -> devices.find(c).isPresent());
    Device device =
        devices.register(id, request.hardwareId(), request.profile().toString(), code, now);
    if (!device.id().equals(id)) {
      // Someone else registered this code first (a concurrent request); their device decides.
      return answerFor(device, request);
    }
    if (owner.isEmpty()) {
      LOG.info("device {} ({}) registered, pending its owner's claim", id, request.profile());
      return answerFor(device, request);
    }
    DeviceSecrets.Issued issued = secrets.issue(id);
    if (!devices.claim(id, owner.get(), issued.passwordHash(), issued.pskReference(), now)) {
      return answerFor(devices.find(id).orElseThrow(), request);
    }
    drop.put(id, issued.credentials(), now.plus(config.credentialWindow()));
    LOG.info(
        "device {} ({}) enrolled to owner {} with their code", id, request.profile(), owner.get());
    return enrolled(id, issued.credentials());
  }

  private EnrollmentOutcome answerFor(Device device, EnrollmentRequest request) {
    if (!device.hardwareId().equals(request.hardwareId())) {
      LOG.warn(
          "claim code of device {} presented by another board ({})",
          device.id(),
          request.hardwareId());
      return new Refused(
          Refusal.CODE_TAKEN, "this claim code is already used by another board; get a new code");
    }
    switch (device.state()) {
      case PENDING:
        return new Pending(config.pollAfter());
      case REVOKED:
        return new Refused(
            Refusal.REVOKED,
            "device "
                + device.id()
                + " was removed by its owner; enroll again with a new claim code");
      case ACTIVE:
      default:
        return drop.peek(device.id(), clock.instant())
            .<EnrollmentOutcome>map(credentials -> enrolled(device.id(), credentials))
            .orElseGet(
                () ->
                    new Refused(
                        Refusal.ALREADY_ENROLLED,
                        "this board is enrolled as "
                            + device.id()
                            + " and its credentials were delivered; to enroll it again, run"
                            + " 'hearth-agent enroll --force' with a new claim code"));
    }
  }

  private Enrolled enrolled(String deviceId, DeviceCredentials credentials) {
    return new Enrolled(deviceId, credentials, config.mqttUri(), config.coapUri(), root.envelope());
  }
}
