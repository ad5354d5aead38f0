/**
 * Telemetry jobs around the store: the periodic downsampler and retention ({@link
 * dev.hearth.hub.telemetry.TelemetryMaintenance}), live pushes of every committed batch to the
 * dashboard ({@link dev.hearth.hub.telemetry.LiveIngestPublisher}), and alerts ({@code
 * telemetry.alert}).
 *
 * <p>Wiring, in the composition root: register {@link dev.hearth.hub.telemetry.LiveIngestPublisher}
 * and the alert engine (behind a {@link dev.hearth.hub.telemetry.QueuedIngestListener}, because it
 * queries the store) as ingest listeners with the gateway, and run the maintenance job and the
 * alert sweep on a {@link dev.hearth.hub.telemetry.PeriodicJobs}. Every job here is safe to run on
 * several hub instances sharing one database; each class says why.
 */
package dev.hearth.hub.telemetry;
