package dev.hearth.agent.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code hearth-agent --version}. */
public final class AgentVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"hearth-agent " + dev.hearth.agent.AgentVersion.current()};
  }
}
