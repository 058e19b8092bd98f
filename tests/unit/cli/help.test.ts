/** --version, per-command --help, usage errors and where errors go. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/main.ts';
import { cli, ROOT } from './harness.ts';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const D = { D: 'FROM alpine\nCOPY --link app /app/\n' };

describe('layerwise --version and --help', () => {
  it('prints the package version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists every command in the global help', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const command of COMMANDS) expect(r.stdout).toContain(`layerwise ${command.name}`);
    expect(r.stdout).toContain('layerwise --version');
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s --help lists every option with its default and an example', async (name, command) => {
    for (const flag of ['--help', '-h']) {
      const r = await cli([name, flag]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^layerwise ${name}: `));
      expect(r.stdout).toContain('Examples:\n  layerwise ');
      for (const [option, def] of Object.entries(command.options)) {
        expect(r.stdout).toContain(`--${option}`);
        if (def.default !== undefined) expect(r.stdout).toContain(`default: ${def.default}`);
        expect(def.example, `${name} --${option} has an example`).toBeDefined();
        expect(r.stdout).toContain(`example: ${def.example}`);
      }
    }
  });

  it('help after -- is a file name, not a request for help', async () => {
    const r = await cli(['ast', '--', '--help']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'layerwise ast: cannot read --help: no such file\n' });
  });
});

describe('usage errors', () => {
  it.each([
    [['lint', '-x', 'D'], 'layerwise lint: unknown option -x (options are spelled --name; see --help)\n'],
    [['graph', '-f', 'shape', 'D'], 'layerwise graph: unknown option -f (options are spelled --name; see --help)\n'],
    [['-v'], 'layerwise: unknown option "-v"; see layerwise --help\n'],
    [['frobnicate'], 'layerwise: unknown command "frobnicate"; see layerwise --help\n'],
  ])('%j exits 2 with one line on standard error', async (argv, message) => {
    expect(await cli(argv, D)).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('no command at all prints the help on standard error and exits 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage:');
  });

  it('simulate refuses a --change line past the end of the file', async () => {
    const files = { D: 'FROM alpine\nRUN true\n' };
    expect(await cli(['simulate', '--change', 'line:99', 'D'], files)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'layerwise simulate: --change line:99 is past the end of D (2 lines)\n',
    });
    expect((await cli(['simulate', '--change', 'line:2', 'D'], files)).code).toBe(0);
    expect((await cli(['simulate', '--change', 'line:3', 'D'], files)).code).toBe(2);
  });
});
