package dev.hearth.hub.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Sends a one-off update offer to one device, when its owner installs a released revision by hand
 * (a pull, besides the rollouts' pushes). The rollout part of the hub implements it: it makes the
 * {@code UpdateOffer} (SPEC chapter 3.6, {@code rolloutId} null) with the artifact's URLs, keeps
 * it, publishes it on {@code hearth/v1/{deviceId}/update} and follows the device's progress events.
 * The catalog only decides that the device may have the revision.
 */
@FunctionalInterface
public interface OfferSender {

  /**
   * Offers {@code offer.revisionId()} to {@code offer.deviceId()}.
   *
   * @return what was sent
   * @throws CatalogException {@code CONFLICT} when the device has an offer in progress that this
   *     one may not replace, {@code UNAVAILABLE} when offers cannot be sent now
   */
  OfferReceipt send(OneOffOffer offer);

  /** A sender for a hub where no rollout part is wired: every install is refused as unavailable. */
  OfferSender UNAVAILABLE =
      offer -> {
        throw new CatalogException(
            CatalogException.Kind.UNAVAILABLE,
            "this hub cannot send update offers yet: no offer channel is wired");
      };

  /**
   * A one-off offer to make.
   *
   * @param deviceId the device
   * @param revisionId the released revision
   * @param manifest the signed manifest envelope as released (author and maintainers' signatures),
   *     to be carried unchanged
   * @param sha256 the artifact's SHA-256 (its name at {@code /api/v1/artifacts/{sha256}})
   * @param size the artifact's size
   * @param requestedBy the owner's account
   */
  record OneOffOffer(
      String deviceId,
      String revisionId,
      ObjectNode manifest,
      String sha256,
      long size,
      String requestedBy) {
    public OneOffOffer {
      Objects.requireNonNull(deviceId, "deviceId");
      Objects.requireNonNull(revisionId, "revisionId");
      manifest = manifest.deepCopy();
    }
  }

  /**
   * What was sent.
   *
   * @param offerId the offer's id, which the device's progress events name
   */
  record OfferReceipt(String offerId) {}
}
