// Netwerkzorg Atlas schema, part 7: dated snapshots of a region's connectivity figures (analysis.AnalysisSnapshots),
// listed per region in date order for the trend in Analyse.
CREATE CONSTRAINT analysis_snapshot_id IF NOT EXISTS FOR (s:AnalysisSnapshot) REQUIRE s.id IS UNIQUE;
CREATE INDEX analysis_snapshot_region IF NOT EXISTS FOR (s:AnalysisSnapshot) ON (s.regionCode, s.takenAt);
