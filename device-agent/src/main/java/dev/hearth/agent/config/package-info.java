/**
 * The agent's configuration, {@code agent.yaml}: a tree of records with named defaults that
 * validate themselves when built, and {@link dev.hearth.agent.config.AgentConfigLoader}, which
 * reads the file strictly (an unknown key is an error) and reports every bad value with its line,
 * its key and how to fix it.
 *
 * <p>Every key is documented in {@code device-agent/README.md}; an annotated example ships as
 * {@code /etc/hearth/agent.yaml}.
 */
package dev.hearth.agent.config;
