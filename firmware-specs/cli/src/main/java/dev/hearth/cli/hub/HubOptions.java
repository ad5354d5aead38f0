package dev.hearth.cli.hub;

import dev.hearth.cli.CommandFailure;
import dev.hearth.cli.support.Documents;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the hub is and how to log in to it: {@code --hub URL} and a session token from {@code
 * --token}, {@code --token-file} or the {@code HEARTH_TOKEN} environment variable (the token {@code
 * POST /api/v1/auth/login} answers).
 */
public final class HubOptions {

  /** The environment variable holding a session token. */
  public static final String TOKEN_VARIABLE = "HEARTH_TOKEN";

  @Option(
      names = "--hub",
      required = true,
      paramLabel = "URL",
      description = "The hub, e.g. https://hub.example.org.")
  String hub;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "Your session token (visible to other users of this machine: prefer --token-file or"
              + " HEARTH_TOKEN).")
  String token;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "A file holding your session token.")
  Path tokenFile;

  /** The hub's base address, checked. */
  public URI base() {
    try {
      URI uri = new URI(hub.endsWith("/") ? hub.substring(0, hub.length() - 1) : hub);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw CommandFailure.usage("--hub " + hub + " must be an http:// or https:// URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw CommandFailure.usage("--hub " + hub + " is not a URL: " + e.getMessage());
    }
  }

  /** The session token, from the option, the file or the environment, in that order. */
  public String token(Map<String, String> environment) {
    if (token != null && !token.isBlank()) {
      return token.strip();
    }
    if (tokenFile != null) {
      String text = new String(Documents.read(tokenFile), StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        throw CommandFailure.usage(tokenFile + " is empty; it should hold your session token");
      }
      return text;
    }
    String fromEnvironment = environment.get(TOKEN_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    throw CommandFailure.usage(
        "log in first: give your session token with --token, --token-file or " + TOKEN_VARIABLE);
  }

  /** A client for this hub with the session token. */
  public HubClient client() {
    return new HubClient(base(), token(System.getenv()));
  }
}
