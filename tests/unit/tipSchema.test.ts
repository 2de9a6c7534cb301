import { describe, expect, it } from 'vitest';
import { claimedEvidenceType, isPastOrTodayIsoDate, validateTip } from '../../src/lib/tips/tipSchema';
import { publicInterestCategories, regions } from '../../src/lib/taxonomy';

const valid = {
  category: publicInterestCategories[0]!.id,
  description: '河道里有大量工业废水直接排放，已经持续一个月了。',
  place: '东侧河道',
  region: regions[1]!.id,
  identity: 'anonymous',
  consent: 'yes',
};

describe('the tip schema', () => {
  it('accepts a complete anonymous tip and keeps no contact details from it', () => {
    const result = validateTip({ ...valid, name: '张三', phone: '13800000000' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.tip.contact).toBeUndefined();
  });

  it('takes categories and regions from the shared lists only', () => {
    expect(validateTip({ ...valid, category: 'space-weather' })).toMatchObject({ ok: false, errors: { category: 'tip.error.category' } });
    expect(validateTip({ ...valid, region: 'atlantis' })).toMatchObject({ ok: false, errors: { region: 'tip.error.region' } });
  });

  it('wants 20 to 5,000 characters of description, counted after trimming', () => {
    expect(validateTip({ ...valid, description: `   ${'字'.repeat(19)}   ` })).toMatchObject({ errors: { description: 'tip.error.descriptionLength' } });
    expect(validateTip({ ...valid, description: '字'.repeat(20) }).ok).toBe(true);
    expect(validateTip({ ...valid, description: '字'.repeat(5001) })).toMatchObject({ errors: { description: 'tip.error.descriptionLength' } });
  });

  it('asks a named tipster for a name and a phone or e-mail, each checked', () => {
    expect(validateTip({ ...valid, identity: 'named' })).toMatchObject({
      errors: { name: 'tip.error.nameRequired', phone: 'tip.error.contactRequired' },
    });
    expect(validateTip({ ...valid, identity: 'named', name: '李四', phone: '12345' })).toMatchObject({ errors: { phone: 'tip.error.phone' } });
    expect(validateTip({ ...valid, identity: 'named', name: '李四', email: 'not-an-address' })).toMatchObject({ errors: { email: 'tip.error.email' } });
    const named = validateTip({ ...valid, identity: 'named', name: '李四', phone: '0475-823 4567' });
    expect(named).toMatchObject({ ok: true, tip: { contact: { name: '李四', phone: '04758234567' } } });
  });

  it('requires consent and a choice between named and anonymous', () => {
    const { consent: _consent, identity: _identity, ...rest } = valid;
    expect(validateTip(rest)).toMatchObject({ errors: { consent: 'tip.error.consent', identity: 'tip.error.identity' } });
  });

  it('takes up to five evidence files of the allowed types and sizes', () => {
    const pdf = (size = 10) => new File([new Uint8Array(size)], 'a.pdf', { type: 'application/pdf' });
    expect(validateTip({ ...valid, files: [pdf(), pdf()] }).ok).toBe(true);
    expect(validateTip({ ...valid, files: Array.from({ length: 6 }, () => pdf()) })).toMatchObject({ errors: { files: 'tip.error.tooManyFiles' } });
    expect(validateTip({ ...valid, files: [new File(['x'], 'a.exe', { type: 'application/x-msdownload' })] })).toMatchObject({ errors: { files: 'tip.error.fileType' } });
    expect(validateTip({ ...valid, files: [pdf(10 * 1024 * 1024 + 1)] })).toMatchObject({ errors: { files: 'tip.error.fileTooLarge' } });
    const nine = () => pdf(9 * 1024 * 1024);
    expect(validateTip({ ...valid, files: [nine(), nine(), nine()] })).toMatchObject({ errors: { files: 'tip.error.filesTooLargeTogether' } });
  });

  it('reads a HEIC photo sent without a type from its name', () => {
    expect(claimedEvidenceType({ name: 'IMG_0001.HEIC', type: '' })).toBe('image/heic');
    expect(claimedEvidenceType({ name: 'notes.txt', type: '' })).toBeUndefined();
  });

  it('accepts real dates up to today only', () => {
    const now = new Date('2025-05-27T10:00:00+08:00');
    expect(isPastOrTodayIsoDate('2025-05-27', now)).toBe(true);
    expect(isPastOrTodayIsoDate('2025-05-28', now)).toBe(false);
    expect(isPastOrTodayIsoDate('2025-02-30', now)).toBe(false);
    expect(isPastOrTodayIsoDate('27/05/2025', now)).toBe(false);
  });
});
