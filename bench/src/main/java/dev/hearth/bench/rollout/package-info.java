/**
 * Benchmark B3: a release rolled out to thousands of simulated devices. A release team of keys
 * ({@link dev.hearth.bench.rollout.ReleaseTeam}) makes the root the hub trusts; the contributor's
 * and maintainers' journey runs over the hub's public HTTP API ({@link
 * dev.hearth.bench.rollout.ReleaseJourney}); the devices are wire-driver sessions ({@link
 * dev.hearth.bench.wire.WireSessions}) that take each offer through what the agent's update engine
 * reports, downloading and checking the artifact for real ({@link
 * dev.hearth.bench.rollout.UpdatingDevices}); {@link dev.hearth.bench.rollout.RolloutBench} runs it
 * and measures, {@link dev.hearth.bench.rollout.RolloutMain} is its command line.
 */
package dev.hearth.bench.rollout;
