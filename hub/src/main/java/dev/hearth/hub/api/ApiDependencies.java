package dev.hearth.hub.api;

import dev.hearth.hub.gateway.CommandSender;
import dev.hearth.hub.registry.ProfileLookup;
import dev.hearth.hub.registry.Registry;
import dev.hearth.hub.store.HubStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Objects;

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
 */
public record ApiDependencies(
    Registry registry,
    HubStore store,
    CommandSender commands,
    PrometheusMeterRegistry metrics,
    ApiConfig config,
    ProfileLookup profiles,
    Clock clock) {

  public ApiDependencies {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(clock, "clock");
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
        Clock.systemUTC());
  }

  public ApiDependencies withConfig(ApiConfig value) {
    return new ApiDependencies(registry, store, commands, metrics, value, profiles, clock);
  }

  public ApiDependencies withClock(Clock value) {
    return new ApiDependencies(registry, store, commands, metrics, config, profiles, value);
  }
}
