package dev.hearth.hardware.sim;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.profile.SimulationSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The physics models Hearth ships, by the name a profile gives in {@code simulation.model}, and the
 * checks that a profile wires them correctly.
 *
 * <p>{@code washer}: a front-loading washing machine (water volume, water temperature, drum speed,
 * PTC door lock, base-pan leak switch). {@code microwave}: a microwave oven (load, cavity wall and
 * magnetron temperatures, bimetal cut-out, door switches).
 */
public final class PlantModels {

  private static final Map<String, ModelDefinition> MODELS =
      Map.of(
          WasherPlant.DEFINITION.name(), WasherPlant.DEFINITION,
          MicrowavePlant.DEFINITION.name(), MicrowavePlant.DEFINITION);

  private PlantModels() {}

  /** The names of the models, sorted. */
  public static Set<String> models() {
    return new TreeMap<>(MODELS).keySet();
  }

  /**
   * Creates the plant that simulates {@code profile}, with the parameters the profile gives.
   *
   * @param seed seeds the sensor noise; the physics itself is not random
   * @throws IllegalArgumentException listing every problem when the profile's {@code simulation}
   *     section does not fit its model (only for profiles not built by the loader, which checks
   *     this)
   */
  public static Plant create(Profile profile, long seed) {
    return create(profile, seed, Map.of());
  }

  /**
   * Creates the plant with some parameters changed for this run, e.g. a microwave's {@code
   * loadGrams} and {@code loadStartC} for a frozen 500 g block.
   *
   * @param overrides parameter values that replace the profile's; checked like the profile's
   * @throws IllegalArgumentException listing every problem with the profile or the overrides
   */
  public static Plant create(Profile profile, long seed, Map<String, Double> overrides) {
    SimulationSpec given = profile.simulation();
    Map<String, Double> params = new HashMap<>(given.params());
    params.putAll(overrides);
    SimulationSpec spec = new SimulationSpec(given.model(), given.bindings(), params);
    List<String> problems = new ArrayList<>();
    check(spec, profile.channelsByName(), (at, message) -> problems.add(at + ": " + message));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot simulate " + profile.ref() + ":\n  " + String.join("\n  ", problems));
    }
    ModelDefinition model = MODELS.get(spec.model());
    return model.factory().create(PlantWiring.of(profile), model.effective(params), seed);
  }

  /**
   * Every role of {@code model}, required or optional, in the model's order.
   *
   * @throws IllegalArgumentException naming the models when there is no such model
   */
  public static List<PlantRole> roles(String model) {
    return definition(model).roles();
  }

  /** The roles {@code model} cannot run without. */
  public static List<PlantRole> requiredRoles(String model) {
    return roles(model).stream().filter(PlantRole::required).toList();
  }

  /** The faults {@code model} simulates: name to what it does, in the model's order. */
  public static Map<String, String> faults(String model) {
    return definition(model).faults();
  }

  /** Every parameter of {@code model} with its default value, in the model's order. */
  public static Map<String, Double> defaults(String model) {
    return definition(model).effective(Map.of());
  }

  /**
   * The parameters {@code profile}'s plant runs with: the profile's values, defaults for the rest.
   */
  public static Map<String, Double> params(Profile profile) {
    return definition(profile.simulation().model()).effective(profile.simulation().params());
  }

  /**
   * Checks that a profile's {@code simulation} section fits its model, reporting each problem at a
   * JSON pointer into the profile: an unknown model at {@code /simulation/model}; a missing,
   * unknown, doubly used or ill-typed role at {@code /simulation/bindings[/role]}; an unknown or
   * out-of-bounds parameter at {@code /simulation/params/name}. Bindings to channels that do not
   * exist are left to the caller, which reports those already.
   *
   * @param channels the profile's channels by name
   * @param problems receives (pointer, message) for each problem
   */
  public static void check(
      SimulationSpec spec, Map<String, Channel> channels, BiConsumer<String, String> problems) {
    ModelDefinition model = MODELS.get(spec.model());
    if (model == null) {
      problems.accept(
          "/simulation/model", "unknown model '" + spec.model() + "'; use one of " + models());
      return;
    }
    Map<String, String> playedBy = new LinkedHashMap<>();
    new TreeMap<>(spec.bindings())
        .forEach(
            (roleName, channelName) -> {
              String at = "/simulation/bindings/" + roleName;
              var role = model.role(roleName);
              if (role.isEmpty()) {
                problems.accept(
                    at,
                    "the "
                        + model.name()
                        + " model has no role '"
                        + roleName
                        + "'; its roles are "
                        + model.roles().stream().map(PlantRole::name).toList());
                return;
              }
              Channel channel = channels.get(channelName);
              if (channel == null) {
                return;
              }
              if (!role.get().accepts(channel)) {
                problems.accept(
                    at,
                    "role '"
                        + roleName
                        + "' needs "
                        + role.get().describe()
                        + "; '"
                        + channelName
                        + "' is "
                        + channel.kind().id());
              }
              String other = playedBy.putIfAbsent(channelName, roleName);
              if (other != null) {
                problems.accept(
                    at, "channel '" + channelName + "' already plays role '" + other + "'");
              }
            });
    for (PlantRole role : model.roles()) {
      if (role.required() && !spec.bindings().containsKey(role.name())) {
        problems.accept(
            "/simulation/bindings",
            "the "
                + model.name()
                + " model needs role '"
                + role.name()
                + "' bound to "
                + role.describe()
                + " ("
                + role.description()
                + ")");
      }
    }
    new TreeMap<>(spec.params())
        .forEach(
            (name, value) -> {
              String at = "/simulation/params/" + name;
              var param = model.param(name);
              if (param.isEmpty()) {
                problems.accept(
                    at,
                    "the "
                        + model.name()
                        + " model has no parameter '"
                        + name
                        + "'; it has "
                        + model.params().stream().map(ModelParam::name).toList());
              } else if (value == null) {
                problems.accept(
                    at,
                    name
                        + " needs a number in "
                        + param.get().bounds()
                        + ", or leave it out for the default "
                        + ModelParam.fmt(param.get().defaultValue()));
              } else if (!param.get().accepts(value)) {
                problems.accept(
                    at,
                    name
                        + " "
                        + ModelParam.fmt(value)
                        + " is outside "
                        + param.get().bounds()
                        + " ("
                        + param.get().description()
                        + ")");
              }
            });
  }

  private static ModelDefinition definition(String model) {
    ModelDefinition found = MODELS.get(model);
    if (found == null) {
      throw new IllegalArgumentException("unknown model '" + model + "'; use one of " + models());
    }
    return found;
  }
}
