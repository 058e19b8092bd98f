/** The findings list's data: groups of repeated rules, the severity filter, places with stages. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { findingPlace, groupFindings, severityCounts, severityLabel } from '../../../src/live/model/findings-list.ts';
import { viewOf } from '../../../src/live/model/view-model.ts';

const findingsOf = (source: string) => viewOf(analyze(source)).findings;

describe('the findings list', () => {
  const source = [
    'FROM alpine AS one',
    'ENV A 1',
    'ENV B 2',
    'COPY --link --chmod=755 a /a/',
    'FROM alpine AS two',
    'ENV C 3',
    'MAINTAINER me',
    '',
  ].join('\n');

  it('groups the findings of one rule where the first one is', () => {
    const groups = groupFindings(findingsOf(source));
    expect(groups.map((g) => [g.rule, g.items.map((f) => f.line)])).toEqual([
      ['LegacyKeyValueFormat', [2, 3, 6]],
      ['LinkDisabledByChmod', [4]],
      ['MaintainerDeprecated', [7]],
    ]);
    expect(groups[0].href).toBe('/rules/legacy-key-value-format/');
  });

  it('counts the severities present, in a fixed order', () => {
    expect(severityCounts(findingsOf(source)).map((c) => severityLabel(c.severity, c.count))).toEqual(['Warnings (5)']);
    const mixed = findingsOf('FROM scratch\nCOPY --link a /a\nCOPY --bogus b /b\nMAINTAINER x\n');
    expect(severityCounts(mixed).map((c) => c.severity)).toEqual(['error', 'warning', 'info']);
  });

  it('names the stage when the file has several', () => {
    const findings = findingsOf(source);
    expect(findingPlace(findings[0])).toBe('line 2, stage one');
    expect(findingPlace(findings.at(-1)!)).toBe('line 7, stage two');
    expect(findingPlace(findingsOf('FROM alpine\nMAINTAINER me\n')[0])).toBe('line 2');
  });
});
