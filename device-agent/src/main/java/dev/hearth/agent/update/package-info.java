/**
 * The update engine (SPEC chapter 5.4): takes the hub's offers, verifies each manifest against the
 * pinned root before fetching anything, downloads the artifact with resume, checks its size and
 * hash, waits until the appliance is idle, installs into the inactive of two slots, switches an
 * atomic pointer, reloads (programs) or restarts (agents), runs a health check with a deadline and
 * commits or rolls back. Every state is reported as an {@code update-progress} event.
 *
 * <p>On disk, under the agent's state directory:
 *
 * <pre>
 *   slots/program/slots.json      active slot, fallback, trial pending its health check, contents
 *   slots/program/a/bundle.zip    slot A (B alike)
 *   slots/program/download/*.part the artifact being downloaded
 *   slots/agent/...               the same for agent jars (a/hearth-agent.jar); read by the
 *                                 hearth-agent wrapper script to pick the jar to start
 *   updates/offers.json           every offer seen and the last state it reached
 * </pre>
 *
 * <p>Transports live in adapters ({@code update.http} on the JDK's HTTP client, {@code
 * update.californium} for CoAP block-wise); this package knows only {@link
 * dev.hearth.agent.update.ArtifactFetcher}.
 */
package dev.hearth.agent.update;
