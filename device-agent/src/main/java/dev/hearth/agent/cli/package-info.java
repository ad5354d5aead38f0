/**
 * The {@code hearth-agent} command line (picocli). {@link dev.hearth.agent.cli.HearthAgentCommand}
 * is the root and lists every subcommand; the commands get what they run from an {@link
 * dev.hearth.agent.cli.AgentAssembler}, which the composition root ({@code app}) provides.
 */
package dev.hearth.agent.cli;
