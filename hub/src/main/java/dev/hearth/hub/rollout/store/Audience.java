package dev.hearth.hub.rollout.store;

import java.util.List;

/**
 * Who a rollout is for: active, owned devices of one of {@code profiles} whose owners chose a
 * channel that takes releases on {@code channel} ({@link UpdateChannel#audience()}).
 *
 * @param profiles hardware profiles, e.g. {@code open-washer@1}
 * @param channel the rollout's channel
 */
public record Audience(List<String> profiles, UpdateChannel channel) {

  public Audience {
    profiles = List.copyOf(profiles);
  }
}
