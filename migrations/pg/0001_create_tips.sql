-- PostgreSQL twin of migrations/0001_create_tips.sql (D1). Same tables and columns, checked by
-- tests/unit/schemaParity.test.ts; native types where PostgreSQL has them (boolean, timestamptz).
-- No column holds a network address or a user agent. Everything the tipster wrote is in `content`
-- (JSON), one value that encryption at rest can seal without a schema change.
CREATE TABLE tips (
  id text PRIMARY KEY,
  -- SHA-256 of the receipt code; the code itself is never stored.
  receipt_hash text NOT NULL UNIQUE,
  category text NOT NULL,
  region text NOT NULL,
  anonymous boolean NOT NULL,
  content text NOT NULL,
  content_format integer NOT NULL DEFAULT 1,
  received_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'under_review', 'accepted', 'not_accepted', 'closed')),
  status_changed_at timestamptz NOT NULL
);
CREATE INDEX tips_received_at ON tips (received_at);

-- Evidence files: the bytes are in UPLOAD_DIR under a random key; here what staff need to fetch and check them.
CREATE TABLE tip_attachments (
  object_key text PRIMARY KEY,
  tip_id text NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  position integer NOT NULL,
  content_type text NOT NULL,
  byte_length integer NOT NULL,
  sha256 text NOT NULL,
  original_name text NOT NULL
);
CREATE INDEX tip_attachments_tip ON tip_attachments (tip_id);

-- One row per submission key, so a repeated submission is answered with the first receipt.
CREATE TABLE tip_submissions (
  idempotency_key_hash text PRIMARY KEY,
  tip_id text NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  sealed_receipt text NOT NULL,
  created_at timestamptz NOT NULL
);

-- Submissions per client per window, shared by every Node process (nothing is counted in memory).
-- client_key is a salted hash that changes daily (no address).
CREATE TABLE tip_rate_counters (
  client_key text NOT NULL,
  window_start bigint NOT NULL,
  request_count integer NOT NULL,
  PRIMARY KEY (client_key, window_start)
);
