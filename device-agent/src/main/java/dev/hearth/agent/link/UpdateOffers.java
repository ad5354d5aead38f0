package dev.hearth.agent.link;

import dev.hearth.specs.wire.UpdateOffer;

/**
 * Takes the rollout offers the hub sends on {@code update}. The link only decodes their shape; the
 * update engine behind this seam verifies the manifest and reports progress as {@code
 * update-progress} events through an {@link EventSink}.
 */
@FunctionalInterface
public interface UpdateOffers {

  /** Called on the link's thread for every offer that decodes; must return quickly. */
  void offered(UpdateOffer offer);
}
