package dev.hearth.hub.catalog;

import dev.hearth.hub.catalog.store.CatalogRevisions;
import dev.hearth.hub.catalog.store.RevisionRecord;
import dev.hearth.hub.store.Device;
import dev.hearth.specs.trust.EnvelopeCodec;
import java.util.List;

/**
 * What an owner may install on one device: revisions released for its hardware profile on the
 * channels its update channel follows (beta follows beta and stable; stable and off follow stable:
 * {@code off} stops automatic updates, not an owner's own choice), and the one-off offer when the
 * owner installs one by hand. Whether the device is the owner's is decided before this is asked.
 */
public final class DeviceFirmware {

  private final CatalogRevisions revisions;
  private final Revisions reading;
  private final OfferSender offers;

  DeviceFirmware(CatalogRevisions revisions, Revisions reading, OfferSender offers) {
    this.revisions = revisions;
    this.reading = reading;
    this.offers = offers;
  }

  /** The channels a device on {@code channel} may install from. */
  public static List<String> channelsFor(String channel) {
    return "beta".equals(channel) ? List.of("beta", "stable") : List.of("stable");
  }

  /** Released revisions for {@code device}, newest first, each with its review and changelog. */
  public List<RevisionDetail> available(Device device) {
    return revisions.released(device.profile(), channelsFor(device.channel())).stream()
        .map(reading::detail)
        .toList();
  }

  /**
   * Offers {@code revisionId} to {@code device}, asked for by its owner.
   *
   * @throws CatalogException {@code NOT_FOUND} when the revision is not available to this device;
   *     whatever the {@link OfferSender} refuses with
   */
  public OfferSender.OfferReceipt install(Device device, String revisionId, String ownerId) {
    RevisionRecord revision =
        revisions.released(device.profile(), channelsFor(device.channel())).stream()
            .filter(r -> r.id().equals(revisionId))
            .findFirst()
            .orElseThrow(
                () ->
                    CatalogException.notFound(
                        "no revision "
                            + revisionId
                            + " released for "
                            + device.profile()
                            + " on the channels this device follows"));
    StoredRevision stored = StoredRevision.of(revision);
    return offers.send(
        new OfferSender.OneOffOffer(
            device.id(),
            revision.id(),
            EnvelopeCodec.toJson(stored.envelope()),
            revision.sha256(),
            revision.size(),
            ownerId));
  }
}
