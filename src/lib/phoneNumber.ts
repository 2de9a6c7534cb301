/**
 * A phone number as shown on a page: its hyphens made non-breaking, so a number never wraps
 * across two lines (a reader copying it by hand would get half).
 * @example displayPhoneNumber('0475-12309') // '0475‑12309' (U+2011)
 */
export function displayPhoneNumber(number: string): string {
  return number.replaceAll('-', '\u2011');
}

/**
 * A phone number for a tel: link: digits and a leading + only.
 * @example telHref('0475-123 09') // 'tel:047512309'
 */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}
