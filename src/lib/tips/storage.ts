/**
 * What the tip core needs from a database and a file store. Cloudflare (D1 + R2) and, later, a
 * self-hosted Node server (PostgreSQL + disk or S3) each implement these; the core never sees which.
 */
export const tipStatuses = ['received', 'under_review', 'accepted', 'not_accepted', 'closed'] as const;
export type TipStatus = (typeof tipStatuses)[number];

/** Everything the tipster wrote, kept together so it can later be sealed as one encrypted blob. */
export interface TipContent {
  description: string;
  place: string;
  noticedOn?: string;
  responsible?: string;
  contact?: { name: string; phone?: string; email?: string };
  locale: string;
}

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
  /** JSON of TipContent; one value so encryption at rest can wrap it without a schema change. */
  content: string;
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
