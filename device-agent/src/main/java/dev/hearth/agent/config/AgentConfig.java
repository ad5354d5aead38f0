package dev.hearth.agent.config;

import dev.hearth.hardware.profile.ProfileRef;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code agent.yaml} says, each key with a named default, validated when built: a record
 * that exists is a configuration the agent can run with. Read a file with {@link
 * AgentConfigLoader}; build one in code from {@link #DEFAULTS} and the {@code with*} methods.
 *
 * @param profile {@code profile}: the hardware profile, e.g. {@code open-washer@1}; empty when the
 *     profile is left to enrollment (the one named in {@code hearth.yaml} or {@code enroll
 *     --profile}, kept in {@code enrollment.json})
 * @param hardware {@code hardware}
 * @param stateDir {@code stateDir}: where credentials, the pinned root metadata and the offline
 *     queue live; absolute
 * @param hub {@code hub}
 * @param link {@code link}
 * @param local {@code local}
 * @param log {@code log}
 */
public record AgentConfig(
    Optional<ProfileRef> profile,
    HardwareConfig hardware,
    Path stateDir,
    HubConfig hub,
    LinkConfig link,
    LocalConfig local,
    LogConfig log) {

  /** Where a packaged agent looks for its configuration. */
  public static final Path DEFAULT_FILE = Path.of("/etc/hearth/agent.yaml");

  public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/hearth");

  public static final AgentConfig DEFAULTS =
      new AgentConfig(
          Optional.empty(),
          HardwareConfig.DEFAULTS,
          DEFAULT_STATE_DIR,
          HubConfig.DEFAULTS,
          LinkConfig.DEFAULTS,
          LocalConfig.DEFAULTS,
          LogConfig.DEFAULTS);

  public AgentConfig {
    Objects.requireNonNull(profile, "profile");
    new Violations()
        .present("hardware", hardware)
        .check(
            stateDir != null && stateDir.isAbsolute(),
            "stateDir",
            stateDir + " — must be an absolute path, e.g. " + DEFAULT_STATE_DIR)
        .present("hub", hub)
        .present("link", link)
        .present("local", local)
        .present("log", log)
        .throwIfAny();
  }

  public AgentConfig withProfile(ProfileRef profile) {
    return new AgentConfig(Optional.of(profile), hardware, stateDir, hub, link, local, log);
  }

  public AgentConfig withHardware(HardwareConfig hardware) {
    return new AgentConfig(profile, hardware, stateDir, hub, link, local, log);
  }

  public AgentConfig withStateDir(Path stateDir) {
    return new AgentConfig(profile, hardware, stateDir, hub, link, local, log);
  }

  public AgentConfig withHub(HubConfig hub) {
    return new AgentConfig(profile, hardware, stateDir, hub, link, local, log);
  }

  public AgentConfig withLink(LinkConfig link) {
    return new AgentConfig(profile, hardware, stateDir, hub, link, local, log);
  }

  public AgentConfig withLocal(LocalConfig local) {
    return new AgentConfig(profile, hardware, stateDir, hub, link, local, log);
  }

  public AgentConfig withLog(LogConfig log) {
    return new AgentConfig(profile, hardware, stateDir, hub, link, local, log);
  }
}
