package dev.hearth.hub.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.rollout.store.ReleaseSnapshot;
import dev.hearth.specs.wire.UpdateOffer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes the {@code UpdateOffer}s of a rollout (specification 3.6 and 5.2): the release's signed
 * manifest envelope unchanged, the artifact's URL on the hub over HTTP first and CoAP second when
 * the hub has a CoAP address, and an offer id per device, rollout and attempt.
 */
public final class OfferMaker {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI httpBase;
  private final URI coapBase;

  public OfferMaker(RolloutConfig config) {
    this.httpBase = config.artifactHttpBase();
    this.coapBase = config.artifactCoapBase();
  }

  /**
   * The offer id of a device's {@code attempt}-th offer in a rollout: the same on every hub
   * instance, so two instances racing on one offer make the same offer, and 25 characters whatever
   * the lengths of the ids (an offer id is at most 64).
   */
  static String offerId(String rolloutId, String deviceId, int attempt) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (rolloutId + "/" + deviceId + "/" + attempt).getBytes(StandardCharsets.UTF_8));
      return "o" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The offer.
   *
   * @throws IllegalArgumentException when the manifest is not a JSON object or the offer breaks the
   *     wire rules
   */
  UpdateOffer offer(String offerId, String rolloutId, ReleaseSnapshot release, Instant expires) {
    return new UpdateOffer(
        offerId,
        rolloutId,
        manifest(release.manifest()),
        artifactUrls(release.artifactSha256()),
        expires.toEpochMilli());
  }

  /**
   * A one-off offer ({@code rolloutId} null), when an owner installs a released revision by hand.
   *
   * @param manifest the signed manifest envelope as released
   */
  public UpdateOffer oneOff(String offerId, ObjectNode manifest, String sha256, Instant expires) {
    return new UpdateOffer(
        offerId, null, manifest.deepCopy(), artifactUrls(sha256), expires.toEpochMilli());
  }

  List<URI> artifactUrls(String sha256) {
    List<URI> urls = new ArrayList<>();
    urls.add(resolve(httpBase, "api/v1/artifacts/" + sha256));
    if (coapBase != null) {
      urls.add(resolve(coapBase, "artifacts/" + sha256));
    }
    return urls;
  }

  /** The manifest envelope as the object the offer carries. */
  static ObjectNode manifest(String text) {
    try {
      JsonNode json = JSON.readTree(text);
      if (json == null || !json.isObject()) {
        throw new IllegalArgumentException("the manifest envelope is not a JSON object");
      }
      return (ObjectNode) json;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the manifest envelope is not JSON", e);
    }
  }

  private static URI resolve(URI base, String path) {
    String text = base.toString();
    return URI.create(text.endsWith("/") ? text + path : text + "/" + path);
  }
}
