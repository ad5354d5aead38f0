package dev.hearth.hub.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The root metadata the hub trusts now: the configured root file at first, then each root an admin
 * uploads along a valid chain. The registry hands it to enrolling devices to pin.
 */
@FunctionalInterface
public interface CurrentRoot {

  /** The newest trusted root envelope as JSON, a fresh copy for each caller. */
  ObjectNode envelope();
}
