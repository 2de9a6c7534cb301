/**
 * What the tip core needs from a database and a file store. Cloudflare (D1 + R2) and, later, a
 * self-hosted Node server (PostgreSQL + disk or S3) each implement these; the core never sees which.
 */
import type { ConversationStore } from '../conversation/store';

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
  /** The exact moment the tip arrived: only the hour is kept in clear (NewTip.receivedAt). */
  receivedAt?: string;
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
  /** When it arrived, to the hour only (the exact time is inside the sealed content). */
  receivedAt: string;
  /** The solved proof-of-work challenge, remembered as spent with the tip so it cannot serve another. */
  proofOfWork?: SpentChallenge;
  attachments: NewAttachment[];
  idempotencyKeyHash: string;
  /** The receipt code sealed with the idempotency key (see sealing.ts), for answering repeats. */
  sealedReceipt: string;
  /** The X25519 public key derived from the receipt code (conversation/tipsterKeys.ts): the tip's conversation, written with it. */
  tipsterPublicKey: string;
}

/** A proof-of-work challenge once solved: its id and until when it must be remembered (to the hour). */
export interface SpentChallenge {
  id: string;
  keepUntil: string;
}

export interface TipStore {
  /** The sealed receipt of an earlier submission with this idempotency key, if any. */
  findSealedReceipt(idempotencyKeyHash: string): Promise<string | undefined>;
  /**
   * Writes the tip, its attachment rows, its idempotency record and its conversation all at once or not at all.
   * "duplicate" when the idempotency key was used meanwhile, "proof_of_work_spent" when the
   * tip's proof-of-work challenge already served another tip (nothing written in either case).
   */
  insertTip(tip: NewTip): Promise<'inserted' | 'duplicate' | 'proof_of_work_spent'>;
  findStatus(receiptHash: string): Promise<{ status: TipStatus; changedAt: string } | undefined>;
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
  /** TIPSTER_SESSION_SECRET: encrypts the tipster's 15-minute session cookie; unset, the status page shows the status only. */
  tipsterSessionSecret?: string;
  /** TIP_ACKNOWLEDGE_DAYS, as staff work to it: the receipt says to come back by then. */
  acknowledgeDays?: number;
}

export interface TipEnvironment {
  store: TipStore;
  /** The conversation by receipt code (conversation/store.ts); with config.tipsterSessionSecret it is on. */
  conversations?: ConversationStore;
  attachments: AttachmentStore;
  shells: PageShells;
  config: TipConfig;
  /** The client's network address as the platform reports it; nothing derived from it is stored. */
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
  /** "sealed2:…" (or "sealed1:…" before HPKE; see tipEnvelope.ts): opened only with a reviewer's key; "" once retention erased it. */
  content: string;
  /** When retention erased the content (description, place, contact details) of the closed tip. */
  contentErasedAt?: string;
  attachments: StoredAttachment[];
  history: StatusChange[];
}

export interface AuditEntry {
  at: string;
  actor: string;
  action:
    | 'login'
    | 'login_failed'
    | 'logout'
    | 'list'
    | 'read'
    | 'download'
    | 'status_change'
    | 'export'
    | 'audit_view'
    | 'retention_delete'
    | 'retention_erase'
    // The conversation (issue 15): a staff message sent, a conversation handed out to be read, a tipster's file downloaded.
    | 'message_send'
    | 'message_read'
    | 'message_download';
  tipId?: string;
  detail: string;
}

/**
 * What staff review needs from the database. Same rule as TipStore: D1 and (later) PostgreSQL
 * implement it, the staff core never sees which.
 */
/** A staff account as sign-in sees it: the password hash and the failed attempts since the last success. */
export interface StaffAccount {
  passwordHash: string;
  failedSignIns: number;
  lastFailedSignInAt?: string;
}

/** A password sign-in session; the cookie holds a random id, the database only its SHA-256. */
export interface StaffSession {
  idHash: string;
  username: string;
  createdAt: string;
  expiresAt: string;
}

export interface StaffStore {
  findAccount(username: string): Promise<StaffAccount | undefined>;
  /** Creates or resets an account (`npm run staff -- add`); its sessions end. */
  saveAccount(username: string, passwordHash: string, at: string): Promise<void>;
  /** Removes an account and ends its sessions; false when there was none. */
  removeAccount(username: string): Promise<boolean>;
  listAccounts(): Promise<Array<{ username: string; createdAt: string }>>;
  /** Counts a failed password for an existing account; the new count (0 when there is no such account). */
  recordFailedSignIn(username: string, at: string): Promise<number>;
  /**
   * Counts one password check in a window across every process (the global cap on unauthenticated
   * checks; nothing about the client is kept) and returns the window's count.
   */
  countPasswordCheck(windowStart: number): Promise<number>;
  /** Stores a new session, clears the account's failed attempts and drops expired sessions. */
  startSession(session: StaffSession): Promise<void>;
  /** The session with this id hash whose account still exists (expired ones too: the caller tells them apart). */
  findSession(idHash: string): Promise<StaffSession | undefined>;
  endSession(idHash: string): Promise<void>;
  /** The account's unexpired sessions, newest first. */
  listSessions(username: string, now: string): Promise<StaffSession[]>;
  /** Ends every session of the account but one; how many ended. */
  endOtherSessions(username: string, keepIdHash: string): Promise<number>;
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
  /**
   * Erases what the tipster wrote (sealed content with the contact details) and the idempotency
   * record of tips closed before `closedBefore`, and both sealed copies of their messages; returns the ids erased now.
   */
  eraseClosedTips(closedBefore: string, at: string): Promise<string[]>;
}
