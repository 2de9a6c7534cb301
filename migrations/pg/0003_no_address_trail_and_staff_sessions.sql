-- PostgreSQL dialect of migrations/0003_no_address_trail_and_staff_sessions.sql (same tables and
-- columns; timestamptz where D1 keeps ISO text). It also gives migration 0002's times (text there,
-- shared with D1) the timestamptz type every other time in this database has.
DROP TABLE tip_rate_counters;

-- Hours in UTC whatever the session's time zone (some zones are half an hour off).
UPDATE tips SET received_at = date_trunc('hour', received_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
UPDATE tips SET status_changed_at = received_at WHERE status = 'received';
ALTER TABLE tip_submissions ALTER COLUMN created_at TYPE timestamptz USING date_trunc('hour', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';

ALTER TABLE tip_attachments ALTER COLUMN deleted_at TYPE timestamptz USING deleted_at::timestamptz;
ALTER TABLE staff_accounts ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz;
ALTER TABLE tip_status_changes ALTER COLUMN changed_at TYPE timestamptz USING changed_at::timestamptz;
ALTER TABLE staff_audit ALTER COLUMN at TYPE timestamptz USING at::timestamptz;

ALTER TABLE tips ADD COLUMN content_erased_at timestamptz;

ALTER TABLE staff_accounts ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0;
ALTER TABLE staff_accounts ADD COLUMN last_failed_sign_in_at timestamptz;

CREATE TABLE staff_sessions (
  id_hash text PRIMARY KEY,
  username text NOT NULL REFERENCES staff_accounts (username) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_username ON staff_sessions (username, expires_at);

CREATE TABLE staff_sign_in_checks (
  window_start bigint PRIMARY KEY,
  checks integer NOT NULL
);

CREATE TABLE spent_pow_challenges (
  challenge_hash text PRIMARY KEY,
  keep_until timestamptz NOT NULL
);
CREATE INDEX spent_pow_challenges_keep_until ON spent_pow_challenges (keep_until);
