package dev.hearth.agent;

import java.util.regex.Pattern;

/**
 * This agent's version, from its jar's manifest ({@code Implementation-Version}); {@code 0.0.0-dev}
 * when it runs from classes (an IDE, the test class path). Always semver, because the hub and the
 * trust verifier compare it with manifests' {@code minAgentVersion}.
 */
public final class AgentVersion {

  /** What a build without a manifest calls itself. */
  public static final String UNPACKAGED = "0.0.0-dev";

  private static final Pattern SEMVER =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)([-+][0-9A-Za-z.+-]+)?");

  private AgentVersion() {}

  /** The version string, e.g. {@code 0.1.0}. */
  public static String current() {
    String version = AgentVersion.class.getPackage().getImplementationVersion();
    return version != null && SEMVER.matcher(version).matches() ? version : UNPACKAGED;
  }
}
