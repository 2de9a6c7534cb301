-- Public-interest litigation tips. No column holds a network address or a user agent.
-- Everything the tipster wrote is in `content` (JSON), one value that encryption at rest can seal
-- later without a schema change; the columns beside it are what staff sort and count by.
CREATE TABLE tips (
  id TEXT PRIMARY KEY,
  -- SHA-256 of the receipt code; the code itself is never stored.
  receipt_hash TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL,
  region TEXT NOT NULL,
  anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  content TEXT NOT NULL,
  content_format INTEGER NOT NULL DEFAULT 1,
  received_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'under_review', 'accepted', 'not_accepted', 'closed')),
  status_changed_at TEXT NOT NULL
);
CREATE INDEX tips_received_at ON tips (received_at);

-- Evidence files: the bytes are in R2 under a random key; here what staff need to fetch and check them.
CREATE TABLE tip_attachments (
  object_key TEXT PRIMARY KEY,
  tip_id TEXT NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  byte_length INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  original_name TEXT NOT NULL
);
CREATE INDEX tip_attachments_tip ON tip_attachments (tip_id);

-- One row per submission key, so a repeated submission is answered with the first receipt.
-- The receipt is sealed with the key itself, which only the submitter has.
CREATE TABLE tip_submissions (
  idempotency_key_hash TEXT PRIMARY KEY,
  tip_id TEXT NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  sealed_receipt TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Submissions per client per window. client_key is a salted hash that changes daily (no address).
CREATE TABLE tip_rate_counters (
  client_key TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  request_count INTEGER NOT NULL,
  PRIMARY KEY (client_key, window_start)
) WITHOUT ROWID;
