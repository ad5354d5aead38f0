-- Downsampling and retention select raw samples by time across all series. H2 has no block-range
-- index, so a plain B-tree on ts; the embedded store serves a household, where its insert cost
-- does not matter.
CREATE INDEX telemetry_samples_time ON telemetry_samples (ts);
