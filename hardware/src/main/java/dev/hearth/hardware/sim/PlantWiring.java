package dev.hearth.hardware.sim;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A profile's channels and which of them plays which model role; validated before it is built. */
record PlantWiring(Profile profile, Map<String, Channel> channelsByRole) {

  PlantWiring {
    channelsByRole = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(channelsByRole));
  }

  static PlantWiring of(Profile profile) {
    Map<String, Channel> byRole = new LinkedHashMap<>();
    Map<String, Channel> channels = profile.channelsByName();
    profile.simulation().bindings().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> byRole.put(e.getKey(), channels.get(e.getValue())));
    return new PlantWiring(profile, byRole);
  }

  Optional<Channel> channel(String role) {
    return Optional.ofNullable(channelsByRole.get(role));
  }

  /** The role a channel plays, if any. */
  Optional<String> roleOf(String channelName) {
    return channelsByRole.entrySet().stream()
        .filter(e -> e.getValue().name().equals(channelName))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
