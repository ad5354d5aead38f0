package dev.hearth.hub.api;

import dev.hearth.hub.catalog.FirmwareCatalog;
import dev.hearth.hub.gateway.CommandSender;
import dev.hearth.hub.registry.ProfileLookup;
import dev.hearth.hub.registry.Registry;
import dev.hearth.hub.rollout.RolloutManager;
import dev.hearth.hub.store.HubStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What the API needs from the rest of the hub.
 *
 * @param registry enrollment, claims, accounts and sessions
 * @param store the hub's store
 * @param commands delivers commands to devices (the gateway)
 * @param metrics the registry Vert.x and the hub record into; scraped at {@code /metrics}
 * @param config the API's settings
 * @param profiles the hardware profiles devices may have
 * @param clock the time
 * @param catalog the firmware catalog; without it the catalog's routes answer 503
 * @param rollouts creates and manages rollouts; without it rollouts are read from the store and no
 *     revision is released, so none can be created
 */
public record ApiDependencies(
    Registry registry,
    HubStore store,
    CommandSender commands,
    PrometheusMeterRegistry metrics,
    ApiConfig config,
    ProfileLookup profiles,
    Clock clock,
    Optional<FirmwareCatalog> catalog,
    Optional<RolloutManager> rollouts) {

  public ApiDependencies {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(rollouts, "rollouts");
  }

  /** With the default API settings, the shipped profiles and the system clock. */
  public static ApiDependencies of(
      Registry registry, HubStore store, CommandSender commands, PrometheusMeterRegistry metrics) {
    return new ApiDependencies(
        registry,
        store,
        commands,
        metrics,
        ApiConfig.defaults(),
        ProfileLookup.shipped(),
        Clock.systemUTC(),
        Optional.empty(),
        Optional.empty());
  }

  public ApiDependencies withConfig(ApiConfig value) {
    return new ApiDependencies(
        registry, store, commands, metrics, value, profiles, clock, catalog, rollouts);
  }

  public ApiDependencies withClock(Clock value) {
    return new ApiDependencies(
        registry, store, commands, metrics, config, profiles, value, catalog, rollouts);
  }

  public ApiDependencies withCatalog(FirmwareCatalog value) {
    return new ApiDependencies(
        registry, store, commands, metrics, config, profiles, clock, Optional.of(value), rollouts);
  }

  public ApiDependencies withRollouts(RolloutManager value) {
    return new ApiDependencies(
        registry, store, commands, metrics, config, profiles, clock, catalog, Optional.of(value));
  }
}
