package dev.hearth.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule for a hub's base URL, shared by {@code hub.url} and {@code hearth-agent enroll --hub}:
 * absolute {@code https}, with a host, without credentials, query or fragment. Plain {@code http}
 * is accepted only for a hub on this machine ({@code localhost}, {@code 127.0.0.0/8}, {@code
 * [::1]}), where nothing travels over a network.
 */
public final class HubUrl {

  private HubUrl() {}

  /** The URL parsed from {@code text}, or why it cannot be a hub URL. */
  public static Checked parse(String text) {
    if (text == null || text.isBlank()) {
      return new Checked(null, "is empty — give the hub's address, e.g. https://hub.example.org");
    }
    try {
      URI uri = new URI(text.trim());
      return problem(uri).map(p -> new Checked(null, p)).orElse(new Checked(uri, null));
    } catch (URISyntaxException e) {
      return new Checked(
          null, text + " — not a URL (" + e.getReason() + "); e.g. https://hub.example.org");
    }
  }

  /** What is wrong with {@code uri} as a hub URL, if anything; the message starts with it. */
  public static Optional<String> problem(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null) {
      return Optional.of(
          uri + " — must be an absolute URL with a host, e.g. https://hub.example.org");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not contain a user name or password");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return Optional.of(uri + " — must not have a query (?…) or fragment (#…)");
    }
    if (scheme.equals("https")) {
      return Optional.empty();
    }
    if (scheme.equals("http") && isLoopback(uri.getHost())) {
      return Optional.empty();
    }
    return Optional.of(
        uri
            + " — must start with https:// (plain http:// is accepted only for a hub on this"
            + " machine, localhost)");
  }

  /** {@code base} with {@code path} appended, whether or not {@code base} ends with '/'. */
  public static URI resolve(URI base, String path) {
    String text = base.toString();
    return URI.create((text.endsWith("/") ? text : text + "/") + path);
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.equals("[::1]")
        || h.equals("::1")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  /**
   * A parsed hub URL or the problem with the text; exactly one is non-null.
   *
   * @param url the URL
   * @param problem what is wrong, for people
   */
  public record Checked(URI url, String problem) {
    public boolean ok() {
      return url != null;
    }
  }
}
