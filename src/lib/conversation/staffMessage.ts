/**
 * What the server can check of a staff message that arrives sealed from the staff browser. It
 * holds neither the tipster's code nor a reviewer's key, so it cannot open either copy; it checks
 * everything it can see without them: the formats, the size a question of at most
 * `staffMessageMaxLength` characters can seal to, the position (the next one, since the seals are
 * bound to it), and that the reviewers' copy is wrapped for exactly the active reviewers (no key
 * left out, none added). That a copy belongs to this tip and position is checked by whoever
 * opens it: a value sealed for another tip or place does not open (forTipster.ts, forReviewers.ts).
 */
import { fromBase64Url } from '../crypto/base64url.ts';
import { sealedKeyIds, sealedTextPrefix } from '../crypto/tipEnvelope.ts';
import { forTipsterPrefix } from './forTipster.ts';

/** A staff question or answer: plain text, as long as a status note. */
export const staffMessageMaxLength = 2000;

/**
 * The longest sealed body a question of the maximum length can give: JSON escapes a control
 * character to six bytes, the time and keys add less than 100; HPKE adds enc and tag; base64url
 * makes four characters of three bytes.
 */
const longestBody = staffMessageMaxLength * 6 + 100;
const longestForTipster = forTipsterPrefix.length + Math.ceil(((1 + 32 + longestBody + 16) * 4) / 3);
/** Version, count, 255 reviewer wraps of 88 bytes, IV, body and tag. */
const longestForReviewers = sealedTextPrefix.length + Math.ceil(((2 + 255 * 88 + 12 + longestBody + 16) * 4) / 3);

export interface PostedStaffMessage {
  position: number;
  forTipster: string;
  forReviewers: string;
}

export type StaffMessageRefusal = 'malformed' | 'too_long' | 'position_taken' | 'wrong_reviewers';

function opensAsBytes(prefix: string, sealed: string): boolean {
  if (!sealed.startsWith(prefix)) return false;
  try {
    return fromBase64Url(sealed.slice(prefix.length)).byteLength > 0;
  } catch {
    return false;
  }
}

function keyIdsOf(sealed: string): string[] | undefined {
  try {
    return sealedKeyIds(sealed);
  } catch {
    return undefined;
  }
}

/**
 * Why a posted staff message cannot be stored at `expectedPosition` for reviewers with the
 * `activeKeyIds`, or undefined when it can.
 * @example refusalOf({ position: 0, forTipster: 'tipster1:…', forReviewers: 'sealed2:…' }, 1, ['ab12…']) // 'position_taken'
 */
export function refusalOf(posted: PostedStaffMessage, expectedPosition: number, activeKeyIds: ReadonlyArray<string>): StaffMessageRefusal | undefined {
  if (posted.forTipster.length > longestForTipster || posted.forReviewers.length > longestForReviewers) return 'too_long';
  if (!opensAsBytes(forTipsterPrefix, posted.forTipster) || !opensAsBytes(sealedTextPrefix, posted.forReviewers)) return 'malformed';
  const keyIds = keyIdsOf(posted.forReviewers);
  if (!keyIds) return 'malformed';
  if (posted.position !== expectedPosition) return 'position_taken';
  const sealedTo = new Set(keyIds);
  if (sealedTo.size !== activeKeyIds.length || activeKeyIds.some((keyId) => !sealedTo.has(keyId))) return 'wrong_reviewers';
  return undefined;
}
