import { describe, expect, it } from 'vitest';
import { ANALYSIS_OPTIONS, analysisOptions, buildArgs } from '../../../src/cli/analysis-options.ts';
import { oneOf, parseArgs } from '../../../src/cli/args.ts';
import { UsageError } from '../../../src/cli/io.ts';

const spec = { format: { kind: 'string', help: 'Output format.' }, ...ANALYSIS_OPTIONS } as const;

describe('command-line options', () => {
  it('reads both spellings, repeats and booleans', () => {
    const parsed = parseArgs(['--format=json', '--target', 'prod', '--build-arg', 'A=1', '--build-arg=B=2', '--no-merge-op', 'Dockerfile'], spec);
    expect(parsed.options).toEqual({ format: 'json', target: 'prod', 'build-arg': ['A=1', 'B=2'], 'no-merge-op': true });
    expect(parsed.positionals).toEqual(['Dockerfile']);
  });

  it('takes - as standard input and -- as the end of options', () => {
    expect(parseArgs(['-'], spec).positionals).toEqual(['-']);
    expect(parseArgs(['--', '--odd'], spec).positionals).toEqual(['--odd']);
  });

  it('rejects unknown options, missing values and values on booleans', () => {
    expect(() => parseArgs(['--nope'], spec)).toThrow(new UsageError('unknown option --nope'));
    expect(() => parseArgs(['--target'], spec)).toThrow('option --target needs a value');
    expect(() => parseArgs(['--no-merge-op=1'], spec)).toThrow('option --no-merge-op takes no value');
  });

  it('refuses short options instead of taking them as file names', () => {
    expect(() => parseArgs(['-x', 'Dockerfile'], spec)).toThrow('unknown option -x');
    expect(() => parseArgs(['-target'], spec)).toThrow('unknown option -target');
    expect(parseArgs(['--', '-x'], spec).positionals).toEqual(['-x']);
  });

  it('merges the config under the flags: target replaced, build args key by key', () => {
    const config = { target: 'prod', buildArgs: { A: 'config', B: 'config' } };
    expect(analysisOptions({}, config)).toEqual({ target: 'prod', buildArgs: { A: 'config', B: 'config' }, mergeOp: true });
    expect(analysisOptions({ target: 'dev', 'build-arg': ['A=flag'] }, config)).toEqual({ target: 'dev', buildArgs: { A: 'flag', B: 'config' }, mergeOp: true });
  });

  it('splits build args at the first =', () => {
    expect(buildArgs(['A=1=2', 'B='])).toEqual({ A: '1=2', B: '' });
    expect(() => buildArgs(['=x'])).toThrow('--build-arg needs KEY=VALUE');
    expect(Object.hasOwn(buildArgs(['__proto__=x']), '__proto__')).toBe(true);
  });

  it('reads --target, --build-arg and --no-merge-op once for every command, refusing an empty target', () => {
    expect(analysisOptions(parseArgs(['--target', 'prod', '--build-arg', 'A=1', '--no-merge-op'], spec).options)).toEqual({
      target: 'prod',
      buildArgs: { A: '1' },
      mergeOp: false,
    });
    expect(analysisOptions({})).toEqual({ buildArgs: {}, mergeOp: true });
    expect(() => analysisOptions({ target: '' })).toThrow('--target needs a stage name');
  });

  it('checks enumerated values', () => {
    expect(oneOf('format', undefined, ['text', 'json'], 'text')).toBe('text');
    expect(() => oneOf('format', 'xml', ['text', 'json'], 'text')).toThrow('--format must be one of text, json');
  });
});
