-- Downsampling and retention select raw samples by time across all series. Samples arrive in
-- roughly increasing ts, so a BRIN index (a few pages per gigabyte, almost free to maintain on
-- insert) finds a time range; a B-tree would cost as much as the table's main index on every one
-- of the ~10,000 rows a second a large fleet writes.
CREATE INDEX telemetry_samples_time ON telemetry_samples USING brin (ts);

-- The raw table is insert-mostly and purged by range: analyse it often enough that the planner
-- knows its size, vacuum it after purges.
ALTER TABLE telemetry_samples SET (autovacuum_vacuum_insert_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);
