import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersForPath, parseHeadersFile } from '../../src/lib/headersFile';
import { staffSecurityHeaders } from '../../src/lib/staff/staffHeaders';

describe('headers of the staff function', () => {
  it('are exactly what public/_headers gives the staff pages', () => {
    const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
    expect(Object.fromEntries(headersForPath(rules, '/staff/tips/').entries())).toEqual(staffSecurityHeaders);
  });
});
