package dev.hearth.specs.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A firmware update offered to one device on {@code update}. This package only checks the shape;
 * the signed manifest is verified by the trust verifier before anything is fetched or installed.
 *
 * @param offerId chosen by the hub; progress events name it
 * @param rolloutId the rollout this offer belongs to, {@code null} for a one-off offer
 * @param manifest the signed manifest envelope, kept as the JSON object the hub sent
 * @param artifactUrls where to fetch the artifact, in order of preference
 * @param expires after this instant (epoch milliseconds) the device must not start the offer
 */
public record UpdateOffer(
    String offerId, String rolloutId, ObjectNode manifest, List<URI> artifactUrls, long expires)
    implements WirePayload {

  /** URI schemes a device may fetch artifacts from. */
  public static final Set<String> ARTIFACT_SCHEMES = Set.of("https", "http", "coaps", "coap");

  /** Most artifact URLs in one offer. */
  public static final int MAX_ARTIFACT_URLS = 8;

  /** Longest artifact URL, in characters. */
  public static final int MAX_URL_LENGTH = 2048;

  public UpdateOffer {
    Check.matches(offerId, Check.ID, "offerId", "an id (letters, digits, . _ : -; at most 64)");
    if (rolloutId != null) {
      Check.matches(
          rolloutId, Check.ID, "rolloutId", "an id (letters, digits, . _ : -; at most 64)");
    }
    manifest = JsonObjects.copy(manifest, "manifest");
    if (manifest.isEmpty()) {
      throw Check.invalid("/manifest", "manifest must not be empty");
    }
    artifactUrls = Check.list(artifactUrls, "artifactUrls");
    if (artifactUrls.isEmpty() || artifactUrls.size() > MAX_ARTIFACT_URLS) {
      throw Check.invalid(
          "/artifactUrls", "artifactUrls must list 1 to " + MAX_ARTIFACT_URLS + " URLs");
    }
    for (int i = 0; i < artifactUrls.size(); i++) {
      checkUrl(artifactUrls.get(i), "/artifactUrls/" + i);
    }
    Check.epochMillis(expires, "expires");
  }

  private static void checkUrl(URI url, String at) {
    String text = url.toString();
    String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !ARTIFACT_SCHEMES.contains(scheme)) {
      throw Check.invalid(
          at, "'" + Check.shorten(text) + "' must be an absolute https, http, coaps or coap URL");
    }
    if (url.getHost() == null || url.getRawUserInfo() != null) {
      throw Check.invalid(
          at, "'" + Check.shorten(text) + "' must name a host and carry no user credentials");
    }
    if (text.length() > MAX_URL_LENGTH || !Check.isWellFormed(text)) {
      throw Check.invalid(at, "URLs are limited to " + MAX_URL_LENGTH + " characters");
    }
  }

  /** A copy of the manifest envelope. */
  @Override
  public ObjectNode manifest() {
    return manifest.deepCopy();
  }

  /** Whether the offer has expired at {@code nowMillis}. */
  public boolean isExpiredAt(long nowMillis) {
    return nowMillis > expires;
  }

  @Override
  public TopicKind topicKind() {
    return TopicKind.UPDATE;
  }
}
