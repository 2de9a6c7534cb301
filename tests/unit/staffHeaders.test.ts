import { describe, expect, it } from 'vitest';
import { headersForPath } from '../../src/lib/headersFile';
import { siteHeaderRules } from '../../src/lib/http/siteHeaders';
import { staffSecurityHeaders } from '../../src/lib/staff/staffHeaders';

describe('headers of the staff function', () => {
  it('are exactly what the site's header rules give the staff pages', () => {
    expect(Object.fromEntries(headersForPath(siteHeaderRules, '/staff/tips/').entries())).toEqual(staffSecurityHeaders);
  });
});
