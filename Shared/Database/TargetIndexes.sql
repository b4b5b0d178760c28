-- Created after the bulk load: building an index once is far cheaper than maintaining it per row.
CREATE INDEX IF NOT EXISTS analytics_events_session_id_idx ON analytics_events (session_id);
CREATE INDEX IF NOT EXISTS analytics_events_project_id_idx ON analytics_events (project_id);
CREATE INDEX IF NOT EXISTS sessions_project_id_idx ON sessions (project_id);
