package dev.hearth.hub.registry;

import dev.hearth.hub.gateway.DeviceAuthenticator;
import dev.hearth.hub.store.HubStore;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The registry's services, built once per hub from the store and a {@link RegistryConfig}: reads
 * the root metadata file and opens (or creates) the device key file, failing fast when either is
 * wrong.
 */
public final class Registry {

  private final RegistryConfig config;
  private final EnrollmentService enrollment;
  private final ClaimService claims;
  private final OwnerAccounts accounts;
  private final Sessions sessions;
  private final DeviceAuthenticator deviceAuthenticator;

  private Registry(
      RegistryConfig config,
      EnrollmentService enrollment,
      ClaimService claims,
      OwnerAccounts accounts,
      Sessions sessions,
      DeviceAuthenticator deviceAuthenticator) {
    this.config = config;
    this.enrollment = enrollment;
    this.claims = claims;
    this.accounts = accounts;
    this.sessions = sessions;
    this.deviceAuthenticator = deviceAuthenticator;
  }

  /** The registry on {@code store}, with the shipped hardware profiles. */
  public static Registry create(HubStore store, RegistryConfig config, Clock clock) {
    return create(store, config, clock, ProfileLookup.shipped(), new InMemoryCredentialDrop());
  }

  /** The registry with every part chosen. */
  public static Registry create(
      HubStore store,
      RegistryConfig config,
      Clock clock,
      ProfileLookup profiles,
      CredentialDrop drop) {
    SecureRandom random = new SecureRandom();
    PinnedRoot root = PinnedRoot.load(config.rootFile());
    DeviceSecrets secrets =
        new DeviceSecrets(DeviceKeyring.openOrCreate(config.deviceKeyFile(), random), random);
    PasswordHasher passwords = new PasswordHasher(config.argon2(), random);
    return new Registry(
        config,
        new EnrollmentService(
            store.devices(), secrets, drop, root, profiles, config, clock, random),
        new ClaimService(store.devices(), secrets, drop, config, clock, random),
        new OwnerAccounts(store.owners(), passwords, clock),
        new Sessions(store.owners(), passwords, config, clock, random),
        new RegistryDeviceAuthenticator(store.devices(), secrets));
  }

  public RegistryConfig config() {
    return config;
  }

  public EnrollmentService enrollment() {
    return enrollment;
  }

  public ClaimService claims() {
    return claims;
  }

  public OwnerAccounts accounts() {
    return accounts;
  }

  public Sessions sessions() {
    return sessions;
  }

  /** For the gateway: checks MQTT passwords and serves CoAP PSKs. */
  public DeviceAuthenticator deviceAuthenticator() {
    return deviceAuthenticator;
  }
}
