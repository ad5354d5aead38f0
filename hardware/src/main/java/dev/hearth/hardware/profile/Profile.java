package dev.hearth.hardware.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An open-hardware appliance as Hearth knows it: its channels, what programs may do with them, its
 * interlocks, its telemetry plan and its simulation model. Loaded and validated by {@link
 * ProfileLoader}; immutable.
 *
 * @param ref id and revision, e.g. {@code open-washer@1}
 * @param name display name
 * @param description what the appliance is
 * @param board the board it is wired to, e.g. {@code raspberry-pi-4b}
 * @param remoteStart true when a cycle may be started from the hub
 * @param channels every channel, in declaration order
 * @param capabilities what programs may use
 * @param interlocks the safety rules
 * @param telemetry what is sampled and how often
 * @param simulation the physics model of the appliance
 */
public record Profile(
    ProfileRef ref,
    String name,
    String description,
    String board,
    boolean remoteStart,
    List<Channel> channels,
    List<Capability> capabilities,
    Interlocks interlocks,
    TelemetryPlan telemetry,
    SimulationSpec simulation) {

  public Profile {
    channels = List.copyOf(channels);
    capabilities = List.copyOf(capabilities);
  }

  public Optional<Channel> channel(String channelName) {
    return channels.stream().filter(c -> c.name().equals(channelName)).findFirst();
  }

  public Optional<Capability> capability(String capabilityName) {
    return capabilities.stream().filter(c -> c.name().equals(capabilityName)).findFirst();
  }

  public List<Channel> outputs() {
    return channels.stream().filter(Channel::isOutput).toList();
  }

  public List<Channel> inputs() {
    return channels.stream().filter(c -> !c.isOutput()).toList();
  }

  /** Channels by name, in declaration order. */
  public Map<String, Channel> channelsByName() {
    return channels.stream()
        .collect(
            Collectors.toMap(
                Channel::name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
