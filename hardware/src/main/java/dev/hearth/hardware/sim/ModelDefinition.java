package dev.hearth.hardware.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one physics model needs (roles, parameters), what it can break (faults) and how to build it.
 */
record ModelDefinition(
    String name,
    List<PlantRole> roles,
    List<ModelParam> params,
    Map<String, String> faults,
    Factory factory) {

  /** Builds a plant once the wiring and parameters are known to be valid. */
  @FunctionalInterface
  interface Factory {
    Plant create(PlantWiring wiring, Map<String, Double> params, long seed);
  }

  ModelDefinition {
    roles = List.copyOf(roles);
    params = List.copyOf(params);
    faults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(faults));
  }

  Optional<PlantRole> role(String roleName) {
    return roles.stream().filter(r -> r.name().equals(roleName)).findFirst();
  }

  Optional<ModelParam> param(String paramName) {
    return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
  }

  /** Every parameter: the profile's value where it gives one, the default elsewhere. */
  Map<String, Double> effective(Map<String, Double> given) {
    Map<String, Double> out = new LinkedHashMap<>();
    params.forEach(p -> out.put(p.name(), given.getOrDefault(p.name(), p.defaultValue())));
    return out;
  }
}
