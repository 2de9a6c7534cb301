import { describe, expect, it } from 'vitest';
import { generateReceiptCode, hashReceiptCode, normalizeReceiptCode, receiptAlphabet, receiptCodeBits } from '../../src/lib/tips/receiptCode';
import { sniffEvidenceType } from '../../src/lib/tips/sniffFileType';
import { openWith, sealWith } from '../../src/lib/tips/sealing';

describe('receipt codes', () => {
  it('carry at least 80 random bits in groups of four, without look-alike characters', () => {
    expect(receiptCodeBits).toBeGreaterThanOrEqual(80);
    const code = generateReceiptCode();
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){4}$/);
    expect(code).not.toMatch(/[01OILU]/);
    expect(new Set(Array.from({ length: 200 }, () => generateReceiptCode())).size).toBe(200);
  });

  it('use every letter of the alphabet about equally often', () => {
    const counts = new Map<string, number>();
    for (let index = 0; index < 3000; index += 1) {
      for (const letter of generateReceiptCode().replace(/-/g, '')) counts.set(letter, (counts.get(letter) ?? 0) + 1);
    }
    expect(counts.size).toBe(receiptAlphabet.length);
    const expected = (3000 * 20) / receiptAlphabet.length;
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.15);
  });

  it('are read back however they are typed, and only their hash is kept', async () => {
    expect(normalizeReceiptCode(' 7kq2 mxh9–rt4b wz8c 3npa ')).toBe('7KQ2-MXH9-RT4B-WZ8C-3NPA');
    expect(normalizeReceiptCode('7KQ2-MXH9')).toBeUndefined();
    expect(normalizeReceiptCode('0KQ2-MXH9-RT4B-WZ8C-3NPA')).toBeUndefined();
    const hash = await hashReceiptCode('7KQ2-MXH9-RT4B-WZ8C-3NPA');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('7KQ2');
  });
});

describe('content sniffing', () => {
  const bytes = (...values: Array<number | string>) => Uint8Array.from(values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])));
  it('recognises each evidence type by its first bytes', () => {
    expect(sniffEvidenceType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffEvidenceType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffEvidenceType(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffEvidenceType(bytes(0, 0, 0, 0x18, 'ftypheic'))).toBe('image/heic');
    expect(sniffEvidenceType(bytes('%PDF-1.7'))).toBe('application/pdf');
  });
  it('recognises nothing in other files', () => {
    expect(sniffEvidenceType(bytes('MZ', 0x90, 0))).toBeUndefined();
    expect(sniffEvidenceType(bytes('<html>'))).toBeUndefined();
    expect(sniffEvidenceType(new Uint8Array())).toBeUndefined();
  });
});

describe('sealed receipts', () => {
  it('open only with the key they were sealed with', async () => {
    const sealed = await sealWith('key-one-0123456789', 'ABCD-EFGH');
    expect(sealed).not.toContain('ABCD');
    expect(await openWith('key-one-0123456789', sealed)).toBe('ABCD-EFGH');
    expect(await openWith('key-two-0123456789', sealed)).toBeUndefined();
  });
});
