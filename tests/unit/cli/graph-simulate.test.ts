import { describe, expect, it } from 'vitest';
import { cli } from './harness.ts';

const LINKED = 'FROM alpine\nRUN apk add curl\nCOPY --link app /app\nRUN /app --version\n';

describe('layerwise graph', () => {
  it('prints the shape', async () => {
    const r = await cli(['graph', '--format', 'shape', 'Dockerfile'], { Dockerfile: 'FROM alpine\nCOPY /dir1 /dir1\n' });
    expect(r).toEqual({ code: 0, stderr: '', stdout: '#0 src docker-image://docker.io/library/alpine\n#1 src local://context\n#2 file[#0,#1] copy->base:/dir1\nresult=#2\n' });
  });

  it('reads standard input, honours --no-merge-op, --target and --build-arg', async () => {
    const r = await cli(['graph', '--format=shape', '--no-merge-op', '-'], {}, { stdin: 'FROM alpine\nCOPY --link a /a\n' });
    expect(r.stdout).toContain('file[#0,#1] copy->base:/a');
    const t = await cli(['graph', '--format', 'shape', '--target', 'a', 'D'], { D: 'FROM alpine AS a\nRUN a\nFROM a\nRUN b\n' });
    expect(t.stdout).toBe('#0 src docker-image://docker.io/library/alpine\n#1 exec[#0]\nresult=#1\n');
    const b = await cli(['graph', '--format', 'shape', '--build-arg', 'BASE=debian:12', 'D'], { D: 'ARG BASE=alpine\nFROM $BASE\nRUN x\n' });
    expect(b.stdout).toContain('#0 src docker-image://docker.io/library/debian:12');
  });

  it('prints one ERROR line on standard error, whatever the format, and exits 1 when BuildKit would refuse the file', async () => {
    for (const format of ['shape', 'json', 'mermaid']) {
      const r = await cli(['graph', '--format', format, 'D'], { D: 'FROM alpine\nCOPY https://example.com/x /x\n' });
      expect(r).toEqual({ code: 1, stdout: '', stderr: "ERROR source can't be a URL for COPY\n" });
    }
  });

  it('json is versioned and carries names, lines, stages and details', async () => {
    const r = await cli(['graph', '--format', 'json', 'D'], { D: LINKED });
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    const merge = json.ops.find((o: { kind: string }) => o.kind === 'merge');
    expect(merge).toMatchObject({ name: '[3/4] LINK COPY --link app /app', lines: { start: 3, end: 3 }, stage: 0, linked: true, role: 'link-merge' });
    const copy = json.ops.find((o: { id: string }) => o.id === merge.inputs[1]);
    expect(copy.details.actions[0]).toMatchObject({ type: 'copy', onto: 'scratch', src: '/app', dest: '/app' });
    expect(json.ops.find((o: { kind: string }) => o.kind === 'exec').details.args).toEqual(['/bin/sh', '-c', 'apk add curl']);
  });

  it('mermaid is the default format', async () => {
    const r = await cli(['graph', 'D'], { D: LINKED });
    expect(r.stdout.startsWith('flowchart TB\n')).toBe(true);
  });

  it("says where each base image's config came from: its node's second line, the JSON's details", async () => {
    const files = { D: 'FROM alpine AS a\nFROM example.com/app:1\nCOPY --from=a /x /x\n', 'app.json': JSON.stringify({ config: { Env: ['PATH=/bin'], WorkingDir: '/srv' } }) };
    const drawn = await cli(['graph', 'D'], files);
    expect(drawn.stdout).toMatch(/FROM docker\.io\/library\/alpine:latest\\nconfig: table, \d{4}-\d{2}-\d{2}"/);
    expect(drawn.stdout).toMatch(/FROM example\.com\/app:1\\nconfig: unknown"/);
    const filed = await cli(['graph', '--image-config', 'example.com/app:1=app.json', 'D'], files);
    expect(filed.stdout).toMatch(/FROM example\.com\/app:1\\nconfig: file"/);
    const json = JSON.parse((await cli(['graph', '--format', 'json', '--image-config', 'example.com/app:1=app.json', 'D'], files)).stdout);
    const details = json.ops.filter((o: { details: { imageConfig?: string } }) => o.details.imageConfig).map((o: { details: object }) => o.details);
    expect(details).toEqual([
      expect.objectContaining({ imageConfig: 'config file app.json', imageConfigLine: 'config: file' }),
      expect.objectContaining({ imageConfig: expect.stringMatching(/^built-in table alpine:latest; /), imageConfigLine: expect.stringMatching(/^config: table, /) }),
    ]);
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['graph', '--format', 'svg', 'D'], { D: LINKED })).code).toBe(2);
    expect((await cli(['graph'], {})).code).toBe(2);
    expect((await cli(['graph', 'missing'], {})).code).toBe(2);
    expect((await cli(['graph', '--bogus', 'D'], { D: LINKED })).code).toBe(2);
  });
});

describe('layerwise simulate', () => {
  it('prints one line per op and the summary', async () => {
    const r = await cli(['simulate', '--change', 'base:alpine', 'D'], { D: LINKED });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('changes: base:alpine');
    expect(lines.slice(1, -1).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual(['#0 rebuilt', '#1 rebuilt', '#2 cached', '#3 cached', '#4 remerged', '#5 rebuilt']);
    expect(lines.at(-1)).toBe('4 of 4 steps rebuild (1 only re-merge); the linked copy is reused');
    // The base image says where its config came from, as its drawn node does.
    expect(lines[1]).toMatch(/^#0 rebuilt {2}\[1\/4\] FROM docker\.io\/library\/alpine:latest \(config: table, \d{4}-\d{2}-\d{2}\): /);
  });

  it('json and mermaid formats; repeated changes', async () => {
    const j = JSON.parse((await cli(['simulate', '--change', 'file:app', '--change', 'line:2', '--format', 'json', 'D'], { D: LINKED })).stdout);
    expect(j.version).toBe(1);
    expect(j.changes).toEqual([{ kind: 'file', path: 'app' }, { kind: 'line', line: 2 }]);
    expect(j.outcomes.map((o: { status: string }) => o.status)).toEqual(['cached', 'rebuilt', 'rebuilt', 'rebuilt', 'rebuilt', 'rebuilt']);
    const m = await cli(['simulate', '--change', 'base:alpine', '--format', 'mermaid', 'D'], { D: LINKED });
    expect(m.stdout).toMatch(/statusRemerged/);
  });

  it('needs a valid --change', async () => {
    expect((await cli(['simulate', 'D'], { D: LINKED })).code).toBe(2);
    const bad = await cli(['simulate', '--change', 'color:red', 'D'], { D: LINKED });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown change/);
  });
});

describe('layerwise simulate and .dockerignore', () => {
  it('reads the .dockerignore beside the Dockerfile', async () => {
    const files = { 'ctx/Dockerfile': 'FROM alpine\nCOPY . .\n', 'ctx/.dockerignore': '*.md\n' };
    const r = await cli(['simulate', '--change', 'file:README.md', 'ctx/Dockerfile'], files);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Nothing rebuilds: both steps are cached');
    expect(r.stdout).toContain('README.md is excluded by .dockerignore');
  });
});

describe('the shared analysis options', () => {
  it.each([['graph'], ['simulate', '--change', 'line:1'], ['lint']])('%s refuses an empty --target', async (...command) => {
    const r = await cli([...command, '--target', '', 'D'], { D: LINKED });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `layerwise ${command[0]}: --target needs a stage name\n` });
  });
});
