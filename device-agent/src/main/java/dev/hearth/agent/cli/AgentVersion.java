package dev.hearth.agent.cli;

import picocli.CommandLine.IVersionProvider;

/** The agent's version from its jar's manifest; {@code development build} when run from classes. */
public final class AgentVersion implements IVersionProvider {

  /** The version string, e.g. {@code 0.1.0}. */
  public static String current() {
    String v = AgentVersion.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"hearth-agent " + current()};
  }
}
