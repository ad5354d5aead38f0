/**
 * Alerts: small rules behind {@link dev.hearth.hub.telemetry.alert.AlertRule}, run by the {@link
 * dev.hearth.hub.telemetry.alert.AlertEngine} over every committed batch and, for time-based
 * conditions, over a periodic sweep of the active devices.
 *
 * <p>Rules decide; they never touch the store. They return an {@link
 * dev.hearth.hub.telemetry.alert.AlertDecision} (raise, clear, or nothing) and the engine opens and
 * clears alerts in the store, each at most once while open, and pushes every change live.
 */
package dev.hearth.hub.telemetry.alert;
