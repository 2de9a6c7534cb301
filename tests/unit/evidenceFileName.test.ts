import { describe, expect, it } from 'vitest';
import { describedFileLine, displayableFileName, evidenceDownloadName, evidenceMediaType } from '../../src/lib/staff/evidenceFileName';
import { useTranslations } from '../../src/i18n';
import { sqlTipEnvironment } from './support/sqlTipEnvironment';
import { handleTipRequest } from '../../src/lib/http/routes/tips';
import { anonymousTip } from './support/tipFixtures';

const tipId = '3f2a9c1e-7b44-4d2a-9c1e-0123456789ab';
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
// A PDF that is also an HTML application: harmless as .pdf, run by mshta.exe when saved as .hta.
const polyglot = new TextEncoder().encode('%PDF-1.4\n<HTA:APPLICATION /><script>new ActiveXObject("WScript.Shell").Run("calc")</script>');

describe('evidence files staff save (finding 3)', () => {
  it('names a saved file by tip, position and sniffed type, whatever the tipster called it', () => {
    expect(evidenceDownloadName(tipId, 0, jpeg)).toBe('tip-3f2a9c1e-1.jpg');
    expect(evidenceDownloadName(tipId, 1, polyglot)).toBe('tip-3f2a9c1e-2.pdf');
    expect(evidenceDownloadName(tipId, 2, new Uint8Array([0x4d, 0x5a, 0x90, 0]))).toBe('tip-3f2a9c1e-3.bin');
    expect(evidenceDownloadName(tipId, 0, jpeg, '-cleaned')).toBe('tip-3f2a9c1e-1-cleaned.jpg');
    expect(evidenceMediaType(polyglot)).toBe('application/pdf');
    expect(evidenceMediaType(new Uint8Array([0x4d, 0x5a]))).toBe('application/octet-stream');
  });

  it('shows the tipster name without the bidi controls that disguise "evidence\\u202Egpj.exe" as a photo', () => {
    expect(displayableFileName('evidence\u202Egpj.exe')).toBe('evidencegpj.exe');
    expect(displayableFileName('\u2067photo\u2069\u200F.jpg\u0000')).toBe('photo.jpg');
    expect(displayableFileName('排污口.jpg')).toBe('排污口.jpg');
    expect(displayableFileName('\u202E')).toBe('（无文件名）');
  });

  it('lines a file up on the staff page as the tipster described it, the name cleaned, the size in whole KB', () => {
    const t = useTranslations('zh');
    const described = { name: 'evidence\u202Egpj.exe', contentType: 'image/jpeg', byteLength: 2049 };
    expect(describedFileLine(t, '附件 1', described)).toBe('附件 1：举报人给的文件名“evidencegpj.exe”（image/jpeg，3 KB）');
    expect(describedFileLine(t, '附件 2', undefined)).toBe('附件 2');
    expect(describedFileLine(useTranslations('mn'), 'ᠬᠠᠪᠰᠤᠷᠭ᠎ᠠ 1', described)).toMatch(/^ᠬᠠᠪᠰᠤᠷᠭ᠎ᠠ 1᠄ .*evidencegpj\.exe.*image\/jpeg᠂ 3 KB/u);
  });

  it('accepts such files from a tipster, so the name must never reach the staff machine', async () => {
    const { env, tips } = sqlTipEnvironment();
    const data = new FormData();
    for (const [name, value] of Object.entries({ ...anonymousTip, metadata: 'keep' })) data.set(name, value);
    data.append('files', new File([jpeg], 'evidence\u202Egpj.exe', { type: 'image/jpeg' }));
    data.append('files', new File([polyglot], 'report.hta', { type: 'application/pdf' }));
    expect((await handleTipRequest(new Request('https://tips.example/api/tips', { method: 'POST', body: data }), env)).status).toBe(303);
    expect(tips()).toHaveLength(1);
  });
});
