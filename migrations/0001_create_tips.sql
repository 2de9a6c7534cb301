-- Placeholder replaced by the tips work: keeps `wrangler d1 migrations apply` meaningful.
CREATE TABLE IF NOT EXISTS schema_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
