/**
 * What the tip core needs from a database and a file store. Cloudflare (D1 + R2) and, later, a
 * self-hosted Node server (PostgreSQL + disk or S3) each implement these; the core never sees which.
 */
export const tipStatuses = ['received', 'under_review', 'accepted', 'not_accepted', 'closed'] as const;
export type TipStatus = (typeof tipStatuses)[number];
export const abuseChecks = ['pow', 'none', 'failed'] as const;
export type AbuseCheck = (typeof abuseChecks)[number];

/** Everything the tipster wrote, kept together so it can later be sealed as one encrypted blob. */
export interface TipContent {
  description: string;
  place: string;
  noticedOn?: string;
  responsible?: string;
  contact?: { name: string; phone?: string; email?: string };
  locale: string;
  /** What the evidence files are; their rows in the database say nothing a tipster chose. */
  attachments?: Array<{ objectKey: string; name: string; contentType: string; byteLength: number; sha256: string; hiddenDataRemoved?: boolean }>;
}

/** An evidence file's row: the object is sealed, so these describe the sealed bytes only. */
export interface NewAttachment {
  objectKey: string;
  contentType: string;
  byteLength: number;
  sha256: string;
  originalName: string;
}

export interface NewTip {
  id: string;
  receiptHash: string;
  category: string;
  region: string;
  anonymous: boolean;
  /** JSON of TipContent sealed to every active reviewer (see src/lib/crypto/tipEnvelope.ts), bound to `id`. */
  content: string;
  /** Ids of the reviewer keys the content was sealed to, comma-separated, so staff know which key file opens it. */
  sealedToKeyId: string;
  /** How the abuse check went: "pow" proof of work solved, "none" sent without it (no script), "failed" wrong or stale. */
  abuseCheck: AbuseCheck;
  receivedAt: string;
  attachments: NewAttachment[];
  idempotencyKeyHash: string;
  /** The receipt code sealed with the idempotency key (see sealing.ts), for answering repeats. */
  sealedReceipt: string;
}

export interface TipStore {
  /** The sealed receipt of an earlier submission with this idempotency key, if any. */
  findSealedReceipt(idempotencyKeyHash: string): Promise<string | undefined>;
  /**
   * Writes the tip, its attachment rows and its idempotency record all at once or not at all.
   * "duplicate" when the idempotency key was used meanwhile (nothing written).
   */
  insertTip(tip: NewTip): Promise<'inserted' | 'duplicate'>;
  findStatus(receiptHash: string): Promise<{ status: TipStatus; changedAt: string } | undefined>;
  /** Adds one to a client's count in a window and returns the new count. */
  countRequest(clientKey: string, windowStart: number): Promise<number>;
}

export interface AttachmentStore {
  put(objectKey: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored (sealed) bytes, or undefined when the object is gone. */
  get(objectKey: string): Promise<Uint8Array | undefined>;
  delete(objectKeys: string[]): Promise<void>;
}

/** Where the function finds the built pages it fills in (the static site's HTML). */
export interface PageShells {
  /** HTML of a built page, e.g. "/zh/tip/". */
  load(path: string): Promise<string>;
}

export interface TipConfig {
  rateLimitSalt: string;
  rateLimitMax: number;
  rateLimitWindowSeconds: number;
  /** Test servers only: lets a request name its client in X-Test-Client, so tests don't share a limit. */
  trustTestClientHeader: boolean;
  /** Status answers never come sooner than this, so a wrong code and a right one take as long. */
  statusMinimumMs: number;
  /** The active reviewers' X25519 public keys (base64url): every new tip is sealed to each of them. */
  reviewerKeys: Array<{ name: string; publicKey: string }>;
  /** Secret that signs proof-of-work challenges (altcha), so the server can check them statelessly. */
  powHmacKey: string;
  /** Work per challenge: the largest number a browser may have to try. */
  powMaxNumber: number;
}

export interface TipEnvironment {
  store: TipStore;
  attachments: AttachmentStore;
  shells: PageShells;
  config: TipConfig;
  /** The client's network address as the platform reports it; used only to derive a rate-limit key. */
  clientAddress: string;
  now?: () => Date;
}

/** What staff may filter the list by; every field is optional. Dates are YYYY-MM-DD (received). */
export interface TipFilter {
  status?: TipStatus;
  category?: string;
  region?: string;
  receivedFrom?: string;
  receivedTo?: string;
}

/** The answer deadlines (acknowledge within N days, answer within M months), from config. */
export interface DeadlineRules {
  acknowledgeDays: number;
  answerMonths: number;
}

/** A tip's clear triage fields: what staff see in the list and export, without opening it. */
export interface TipSummary {
  id: string;
  category: string;
  region: string;
  anonymous: boolean;
  receivedAt: string;
  status: TipStatus;
  statusChangedAt: string;
  sealedToKeyId: string;
  abuseCheck: AbuseCheck;
  attachmentCount: number;
}

export interface StoredAttachment {
  position: number;
  objectKey: string;
  byteLength: number;
  deletedAt?: string;
}

export interface StatusChange {
  status: TipStatus;
  note: string;
  changedBy: string;
  changedAt: string;
}

export interface SealedTip extends TipSummary {
  /** "sealed2:…" (or "sealed1:…" before HPKE; see tipEnvelope.ts): opened only with a reviewer's key. */
  content: string;
  attachments: StoredAttachment[];
  history: StatusChange[];
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: 'login' | 'login_failed' | 'list' | 'read' | 'download' | 'status_change' | 'export' | 'audit_view' | 'retention_delete';
  tipId?: string;
  detail: string;
}

/**
 * What staff review needs from the database. Same rule as TipStore: D1 and (later) PostgreSQL
 * implement it, the staff core never sees which.
 */
export interface StaffStore {
  findPasswordHash(username: string): Promise<string | undefined>;
  /**
   * One page of tips matching the filter. Overdue ones first (acknowledgement overdue, then answer
   * overdue, judged at `now` by `rules`), then oldest first.
   */
  listTips(filter: TipFilter, page: { offset: number; limit: number }, now: Date, rules: DeadlineRules): Promise<{ tips: TipSummary[]; total: number }>;
  findTip(id: string): Promise<SealedTip | undefined>;
  /** Sets the status and records the change; false when there is no such tip. */
  changeStatus(id: string, change: StatusChange): Promise<boolean>;
  audit(entry: AuditEntry): Promise<void>;
  listAudit(page: { offset: number; limit: number }): Promise<{ entries: AuditEntry[]; total: number }>;
  /** Files of tips closed before `closedBefore` whose objects are still there. */
  findExpiredAttachments(closedBefore: string): Promise<Array<{ tipId: string; objectKey: string }>>;
  markAttachmentsDeleted(objectKeys: string[], at: string): Promise<void>;
  /** Adds one to a counter in a window (login attempts) and returns the new count. */
  countAttempt(key: string, windowStart: number): Promise<number>;
}
