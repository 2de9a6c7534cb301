-- The conversation by receipt code (issue 15; src/lib/conversation/README.md): staff ask, the tipster
-- answers and adds evidence; each message is sealed twice, to the code's key and to the reviewers.
-- No column holds anything a person wrote, a network address, an exact time of a tipster's visit
-- or the receipt code: the text, the exact time and the file names are inside the sealed values.

-- One row per tip that can hold a conversation, written in the same batch as the tip itself.
CREATE TABLE tip_conversations (
  tip_id TEXT PRIMARY KEY REFERENCES tips (id) ON DELETE CASCADE,
  -- X25519 public key derived from the receipt code (src/lib/conversation/tipsterKeys.ts),
  -- base64url of 32 bytes. Opens nothing; staff messages are sealed to it.
  tipster_public_key TEXT NOT NULL CHECK (length(tipster_public_key) = 43),
  -- Positions of the last message each side has seen (-1: none yet); they only move forward.
  staff_read_through INTEGER NOT NULL DEFAULT -1,
  tipster_seen_through INTEGER NOT NULL DEFAULT -1,
  -- Position of the tipster's latest message, set in the same batch as the message, so the staff
  -- list marks and sorts "unread answer" with one join: last_tipster_position > staff_read_through.
  last_tipster_position INTEGER NOT NULL DEFAULT -1
);

-- The messages, both sides in one sequence. (tip_id, position) is the key, so two writers racing
-- for one position cannot both win: the loser reseals at the next position (the seal is bound to it).
CREATE TABLE tip_messages (
  tip_id TEXT NOT NULL REFERENCES tip_conversations (tip_id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  author TEXT NOT NULL CHECK (author IN ('staff', 'tipster')),
  -- The hour it was sent (ISO, minutes zeroed); the exact time is sealed.
  sent_hour TEXT /* postgres: timestamptz */ NOT NULL,
  -- "tipster1:…": opens only with the receipt code (forTipster.ts).
  for_tipster TEXT NOT NULL,
  -- "sealed2:…": opens only with a reviewer's key file (forReviewers.ts).
  for_reviewers TEXT NOT NULL,
  -- Reviewer key ids for_reviewers is sealed to, comma-separated, as tips.sealed_to_key_id.
  sealed_to_key_id TEXT NOT NULL,
  -- The staff account that wrote a staff message (also in staff_audit); '' for the tipster.
  written_by TEXT NOT NULL DEFAULT '',
  file_count INTEGER NOT NULL DEFAULT 0 CHECK (file_count >= 0),
  PRIMARY KEY (tip_id, position)
);

-- Files a tipster attached to a message: sealed objects in R2 / on disk under a random key, like
-- tip_attachments but without the original name (that is sealed in the message body).
CREATE TABLE tip_message_files (
  object_key TEXT PRIMARY KEY,
  tip_id TEXT NOT NULL,
  message_position INTEGER NOT NULL,
  -- Its index among the message's files; the seal is bound to it.
  position INTEGER NOT NULL CHECK (position >= 0),
  content_type TEXT NOT NULL,
  byte_length INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  -- Set when retention deleted the object; the row stays so the message shows a file was there.
  deleted_at TEXT /* postgres: timestamptz */,
  UNIQUE (tip_id, message_position, position),
  FOREIGN KEY (tip_id, message_position) REFERENCES tip_messages (tip_id, position) ON DELETE CASCADE
);

-- Sessions a tipster ended with "leave" or quick exit, kept until the token would have expired
-- anyway (then deleted), so a copied cookie is refused. Random ids only: no tip, no key, no code.
CREATE TABLE tipster_sessions_ended (
  session_id TEXT PRIMARY KEY,
  expires_at TEXT /* postgres: timestamptz */ NOT NULL
);
CREATE INDEX tipster_sessions_ended_expiry ON tipster_sessions_ended (expires_at);
