-- Nothing derived from a client address is kept (rate limits are counted in memory by the request
-- layer), tips keep their time in clear only to the hour (the exact time is sealed in the content),
-- staff sign in to sessions stored here, and a solved proof-of-work challenge serves one tip only.
DROP TABLE tip_rate_counters;

-- Times already stored to the minute keep only their hour (old tips lose the minutes; privacy wins).
UPDATE tips SET received_at = substr(received_at, 1, 13) || ':00:00.000Z';
UPDATE tips SET status_changed_at = received_at WHERE status = 'received';
UPDATE tip_submissions SET created_at = substr(created_at, 1, 13) || ':00:00.000Z';

-- Set when retention erased the tip's content (what the tipster wrote, contact details included).
ALTER TABLE tips ADD COLUMN content_erased_at TEXT;

-- Failed password sign-ins since the last success: each one lengthens the wait before the next
-- check, up to a cap, so guessing is slow and nobody can lock a reviewer out.
ALTER TABLE staff_accounts ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff_accounts ADD COLUMN last_failed_sign_in_at TEXT;

-- Password sign-in sessions: the cookie holds a random id, this table its SHA-256 only. Ended at
-- logout, when the account is removed or reset, and by expiry. No address, no browser.
CREATE TABLE staff_sessions (
  id_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES staff_accounts (username) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX staff_sessions_username ON staff_sessions (username, expires_at);

-- Password checks per minute, for every client together (the global cap): a count, nothing else.
CREATE TABLE staff_sign_in_checks (
  window_start INTEGER PRIMARY KEY,
  checks INTEGER NOT NULL
);

-- Proof-of-work challenges already used by a tip, until they would have expired anyway. keep_until
-- is rounded up to the hour, so it says no more about when the tip came than tips.received_at.
CREATE TABLE spent_pow_challenges (
  challenge_hash TEXT PRIMARY KEY,
  keep_until TEXT NOT NULL
);
CREATE INDEX spent_pow_challenges_keep_until ON spent_pow_challenges (keep_until);
