package dev.hearth.agent.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Section {@code hub}: where the hub is.
 *
 * @param url {@code hub.url}: the hub's base URL, used to enroll; empty when not configured (the
 *     MQTT and CoAP endpoints come from enrollment, not from here)
 */
public record HubConfig(Optional<URI> url) {

  public static final HubConfig DEFAULTS = new HubConfig(Optional.empty());

  public HubConfig {
    Objects.requireNonNull(url, "url");
    Violations v = new Violations();
    url.flatMap(HubUrl::problem).ifPresent(p -> v.check(false, "hub.url", p));
    v.throwIfAny();
  }

  /** A hub at {@code url}. */
  public static HubConfig at(URI url) {
    return new HubConfig(Optional.of(url));
  }
}
