-- Issue 6: tips are sealed to the procuratorate's public key (content holds "sealed1:…"), staff
-- review them, and every staff action is audited. Plain SQL that PostgreSQL runs as well.

-- Which public key a tip's content and files were sealed to (its key id), and how its
-- proof-of-work check went: 'pow' solved, 'none' sent without script, 'failed' wrong or stale.
ALTER TABLE tips ADD COLUMN sealed_to_key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE tips ADD COLUMN abuse_check TEXT NOT NULL DEFAULT 'none' CHECK (abuse_check IN ('pow', 'none', 'failed'));
CREATE INDEX tips_status ON tips (status, received_at);

-- Set when retention deleted the file's object; the row stays so the tip shows a file was there.
ALTER TABLE tip_attachments ADD COLUMN deleted_at TEXT;

-- Staff accounts for local use and self-hosting (production uses Cloudflare Access instead).
-- password_hash: "pbkdf2-sha256$<iterations>$<salt base64url>$<hash base64url>".
CREATE TABLE staff_accounts (
  username TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Every status change with its note and who made it.
CREATE TABLE tip_status_changes (
  id TEXT PRIMARY KEY,
  tip_id TEXT NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE INDEX tip_status_changes_tip ON tip_status_changes (tip_id, changed_at);

-- Who did what, when: reads, downloads, status changes, exports, logins, retention deletions.
CREATE TABLE staff_audit (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  tip_id TEXT,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staff_audit_at ON staff_audit (at);
