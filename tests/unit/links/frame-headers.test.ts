import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeaders } from '../../e2e/static-server.ts';

/** public/_headers: embeds may be framed by any site; every other page by none. */
const rules = parseHeaders(readFileSync('public/_headers', 'utf8'));

describe('frame headers', () => {
  it('refuse framing for every page but the embeds', () => {
    for (const path of ['/', '/start/', '/rules/undefined-var/', '/playground/', '/embedded/', '/oembed/copy-link/canonical-pair.json']) {
      const headers = headersFor(rules, path);
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['x-frame-options'], path).toBe('DENY');
    }
  });

  it('let any origin frame an embed, with the rest of the policy unchanged', () => {
    for (const path of ['/embed/', '/embed/copy-link/canonical-pair/', '/embed/rules/undefined-var/bad/']) {
      const headers = headersFor(rules, path);
      const csp = headers['content-security-policy'];
      expect(csp, path).toBe("frame-ancestors *; object-src 'none'; base-uri 'self'; form-action 'self'");
      expect(headers['x-frame-options'], path).toBeUndefined();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('read "! Name" as detaching a header an earlier rule set, and only for the paths it matches', () => {
    const parsed = parseHeaders('/*\n  X-A: 1\n  X-B: 2\n/e/*\n  ! X-A\n  X-C: 3\n');
    expect(headersFor(parsed, '/e/x')).toEqual({ 'x-b': '2', 'x-c': '3' });
    expect(headersFor(parsed, '/f/x')).toEqual({ 'x-a': '1', 'x-b': '2' });
    expect(() => parseHeaders('/*\n  ! \n')).toThrow(/line 2/);
  });
});
