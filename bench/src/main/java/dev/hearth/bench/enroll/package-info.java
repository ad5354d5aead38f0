/**
 * Fleet devices for a hub: an owner account issues claim codes over the hub's REST API and each
 * simulated device enrolls with the agent's own enrollment code ({@link
 * dev.hearth.agent.enroll.Enroller}), keeping its enrollment on disk for the next run.
 */
package dev.hearth.bench.enroll;
