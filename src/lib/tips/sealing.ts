/**
 * Keeps a receipt code recoverable only by whoever holds the submission's idempotency key: the
 * code is encrypted (AES-GCM) with a key derived from the idempotency key, and only a hash of the
 * idempotency key is stored. A repeated submission can then be answered with the same receipt,
 * while the database alone never reveals a code.
 */
async function keyFrom(secret: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(16), info: new TextEncoder().encode('tip-receipt-seal') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealWith(secret: string, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await keyFrom(secret), new TextEncoder().encode(plaintext));
  return `${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`;
}

export async function openWith(secret: string, sealed: string): Promise<string | undefined> {
  const [iv, body] = sealed.split('.');
  if (!iv || !body) return undefined;
  try {
    const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, await keyFrom(secret), fromBase64(body));
    return new TextDecoder().decode(opened);
  } catch {
    return undefined;
  }
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
}
