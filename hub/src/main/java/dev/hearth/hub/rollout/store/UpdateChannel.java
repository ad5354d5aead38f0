package dev.hearth.hub.rollout.store;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The channel a rollout releases on. Owners choose {@code stable}, {@code beta} or {@code off} per
 * device ({@code devices.channel}); a beta device wants what is new first, so it also takes stable
 * releases, while a stable device takes stable releases only and an {@code off} device nothing.
 */
public enum UpdateChannel {
  STABLE("stable", List.of("stable", "beta")),
  BETA("beta", List.of("beta"));

  private final String name;
  private final List<String> audience;

  UpdateChannel(String name, List<String> audience) {
    this.name = name;
    this.audience = audience;
  }

  /** {@code stable} or {@code beta}. */
  public String wireName() {
    return name;
  }

  /** The device channels ({@code devices.channel}) that take releases on this channel. */
  public List<String> audience() {
    return audience;
  }

  public static Optional<UpdateChannel> of(String name) {
    return Arrays.stream(values()).filter(c -> c.name.equals(name)).findFirst();
  }
}
