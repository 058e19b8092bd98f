import { describe, expect, it } from 'vitest';
import { buildArgsText, changesFrom, changeValue, controlChoices, parseBuildArgs } from '../../../src/live/model/controls.ts';
import { summaryText } from '../../../src/live/model/texts.ts';
import type { AnalysisView } from '../../../src/live/model/view-model.ts';

describe('control values', () => {
  it('shows the value of each kind of change, or nothing', () => {
    const simulate = ['base:alpine:3.20', 'file:app/main.go', 'arg:V=2', 'line:3'];
    expect(changeValue(simulate, 'base')).toBe('alpine:3.20');
    expect(changeValue(simulate, 'file')).toBe('app/main.go');
    expect(changeValue(simulate, 'arg')).toBe('V=2');
    expect(changeValue(undefined, 'base')).toBe('');
  });

  it('reads the controls back into changes, keeping edited lines and dropping an arg without a name', () => {
    expect(changesFrom({ base: 'alpine', file: '', arg: '  V=2 ' }, ['line:3', 'base:old'])).toEqual(['base:alpine', 'arg:V=2', 'line:3']);
    expect(changesFrom({ base: '', file: 'a', arg: '=x' }, undefined)).toEqual(['file:a']);
  });

  it('writes build args one a line and reads them back', () => {
    const args = { A: '1=x', B: '' };
    expect(buildArgsText(args)).toBe('A=1=x\nB=');
    expect(parseBuildArgs(buildArgsText(args))).toEqual(args);
    expect(parseBuildArgs('no equals\n  C=3')).toEqual({ C: '3' });
  });

  it('offers each choice of both panes once', () => {
    const view = (baseImages: string[], copiedPaths: string[], stageNames: string[]) => ({ baseImages, copiedPaths, stageNames }) as unknown as AnalysisView;
    expect(controlChoices([view(['alpine'], ['a'], ['build']), view(['alpine', 'debian'], ['a', 'b'], [])])).toEqual({
      baseImages: ['alpine', 'debian'],
      copiedPaths: ['a', 'b'],
      stageNames: ['build'],
    });
  });
});

describe('summary', () => {
  const one = { source: 1, file: 1, exec: 0, merge: 0 };
  const two = { source: 1, file: 1, exec: 0, merge: 1 };
  it('gives the counts alone for one pane, both and the difference for two', () => {
    expect(summaryText({ label: 'plain COPY', counts: one })).toBe('1 source, 1 file op, 0 exec ops, 0 merge ops.');
    expect(summaryText({ label: 'plain COPY', counts: one }, { label: 'COPY --link', counts: two })).toBe(
      'plain COPY: 1 source, 1 file op, 0 exec ops, 0 merge ops. COPY --link: 1 source, 1 file op, 0 exec ops, 1 merge op. The second graph has 3 ops against 2: +1 merge.',
    );
    expect(summaryText({ label: 'Dockerfile', counts: one }, { counts: one })).toMatch(/Compare: /);
  });
});
