package dev.hearth.agent.enroll;

import java.util.regex.Pattern;

/** This agent's version as the hub is told it: from the jar's manifest, semver. */
final class AgentVersion {

  /** What a build without a manifest (an IDE, the test class path) calls itself. */
  static final String UNPACKAGED = "0.0.0-dev";

  private static final Pattern SEMVER =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)([-+][0-9A-Za-z.+-]+)?");

  private AgentVersion() {}

  static String current() {
    String version = AgentVersion.class.getPackage().getImplementationVersion();
    return version != null && SEMVER.matcher(version).matches() ? version : UNPACKAGED;
  }
}
