import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/integrations/html-entities.ts';

describe('decodeEntities', () => {
  it('decodes named, decimal and hexadecimal references', () => {
    expect(decodeEntities('COPY &quot;a&quot; &lt;b&gt; &#39;c&#39; &apos;d&apos; &#45;&#x2d;link')).toBe(`COPY "a" <b> 'c' 'd' --link`);
  });
  it('decodes &amp; last, so an escaped reference stays a reference', () => {
    expect(decodeEntities('&amp;lt; &amp;amp;')).toBe('&lt; &amp;');
  });
  it('decodes code points beyond the basic plane', () => {
    expect(decodeEntities('&#x1F433; &#128051;')).toBe('🐳 🐳');
  });
});
