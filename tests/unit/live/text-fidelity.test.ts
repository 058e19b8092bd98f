/**
 * The words the site derives from the analyzer and our metadata: build-argument feedback,
 * node statuses and stage titles, the out-of-date op counts, flag headings' ids, and rule
 * titles and messages rendered, not shown as Markdown or printf templates.
 */
import { describe, expect, it } from 'vitest';
import { stageTitle, statusWords } from '../../../src/analyzer/render/mermaid.ts';
import { flagHeadingId } from '../../../src/integrations/flag-heading-ids.ts';
import { buildArgProblems } from '../../../src/live/model/controls.ts';
import { summaryText } from '../../../src/live/model/texts.ts';
import { exampleMessage, inlineHtml, messageTemplateHtml, referencePages } from '../../../src/pages/rules/_rules.ts';

describe('build-argument feedback', () => {
  it('says nothing for declared KEY=VALUE lines and blank lines', () => {
    expect(buildArgProblems('', ['V'])).toEqual([]);
    expect(buildArgProblems('V=2\n\n', ['V'])).toEqual([]);
  });
  it('names a line without = and an argument no ARG declares', () => {
    expect(buildArgProblems('FOO', [])).toEqual(['"FOO" is not KEY=VALUE.']);
    expect(buildArgProblems('V=1\nFOO', ['V'])).toEqual(['Line 2: "FOO" is not KEY=VALUE.']);
    expect(buildArgProblems('NOPE=1', ['V'])).toEqual(["Build argument 'NOPE' is not declared in this Dockerfile (no ARG NOPE): the build does not use it."]);
  });
});

describe('graph words', () => {
  it('a source a change reaches is a new image or changed files, not "rebuilt"', () => {
    expect(statusWords({ kind: 'source', role: 'from' }, 'rebuilt')).toBe('new base image');
    expect(statusWords({ kind: 'source', role: 'context' }, 'rebuilt')).toBe('files changed');
    expect(statusWords({ kind: 'source', role: 'from' }, 'cached')).toBe('cached');
    expect(statusWords({ kind: 'exec', role: 'run' }, 'rebuilt')).toBe('rebuilt');
  });
  it('a stage box says the stage name, or "stage N" for a stage without one', () => {
    expect(stageTitle(0, 'build')).toBe('build');
    expect(stageTitle(1, 'stage-1')).toBe('stage 1');
    expect(stageTitle(2, undefined)).toBe('stage 2');
  });
  it('op counts of the last good graph say they are out of date', () => {
    const counts = { source: 1, file: 1, exec: 0, merge: 0 };
    expect(summaryText({ counts })).not.toMatch(/out of date/i);
    expect(summaryText({ counts }, undefined, true)).toMatch(/^Out of date while BuildKit would refuse the file/);
  });
});

describe('text as the source writes it', () => {
  it('a heading with a --flag keeps the id it had when -- was typeset as a dash', () => {
    expect(flagHeadingId('When --link does nothing')).toBe('when-link-does-nothing');
    expect(flagHeadingId('--chmod on the same instruction')).toBe('chmod-on-the-same-instruction');
    expect(flagHeadingId('P3. No --chmod, no --chown names with --link')).toBe('p3-no-chmod-no-chown-names-with-link');
  });
  it('rule titles render their code spans; messages show placeholders and an example', () => {
    expect(inlineHtml('format: `# <name> <description>`. Then')).toBe('format: <code># &lt;name&gt; &lt;description&gt;</code>. Then');
    expect(messageTemplateHtml('Comment for %s should follow `# %s`')).toBe('Comment for <var>value 1</var> should follow `# <var>value 2</var>`');
    expect(messageTemplateHtml("stage %q & <x>")).toBe('stage "<var>value</var>" &amp; &lt;x&gt;');
    for (const page of referencePages()) {
      expect(inlineHtml(page.title), page.name).not.toMatch(/`/);
      const example = exampleMessage(page);
      if (example !== undefined) expect(example, page.name).not.toMatch(/%[sqv]/);
    }
  });
});
