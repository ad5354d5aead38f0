package dev.hearth.hub.telemetry;

import java.time.Instant;

/**
 * What one run of {@link TelemetryMaintenance} did.
 *
 * @param downsampledFrom the first minute aggregated (inclusive)
 * @param downsampledTo the end of the last complete minute aggregated (exclusive)
 * @param aggregatesWritten minute aggregate rows written or rewritten
 * @param rawBefore raw samples before this were purged
 * @param minutesBefore minute aggregates before this were purged
 * @param purged rows the purge deleted
 */
public record MaintenanceRun(
    Instant downsampledFrom,
    Instant downsampledTo,
    int aggregatesWritten,
    Instant rawBefore,
    Instant minutesBefore,
    long purged) {}
