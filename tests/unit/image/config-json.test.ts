import { describe, expect, it } from 'vitest';
import { parseImageConfigJson } from '../../../src/analyzer/image/config-json.ts';

const source = { kind: 'file', detail: 'img.json' } as const;

describe('image config files', () => {
  it('reads `docker image inspect` output', () => {
    const inspect = JSON.stringify([
      { Id: 'sha256:x', RepoTags: ['golang:1.23'], Os: 'linux', Architecture: 'arm64', Variant: 'v8', Config: { Env: ['GOPATH=/go'], WorkingDir: '/go', User: '', OnBuild: null } },
    ]);
    expect(parseImageConfigJson(inspect, source)).toEqual({ ok: true, value: {
      env: ['GOPATH=/go'],
      workingDir: '/go',
      user: '',
      onBuild: [],
      platforms: [{ os: 'linux', architecture: 'arm64' }],
      source,
    } });
  });

  it('reads an OCI image config', () => {
    const oci = JSON.stringify({ os: 'linux', architecture: 'amd64', config: { Env: ['A=1'], User: 'node', OnBuild: ['RUN make'] }, rootfs: { type: 'layers', diff_ids: [] } });
    expect(parseImageConfigJson(oci, source)).toMatchObject({ ok: true, value: { env: ['A=1'], workingDir: '', user: 'node', onBuild: ['RUN make'], platforms: [{ os: 'linux', architecture: 'amd64' }] } });
  });

  it('explains what is wrong with anything else', () => {
    expect(parseImageConfigJson('{', source)).toMatchObject({ error: expect.stringMatching(/^not JSON/) });
    expect(parseImageConfigJson('[]', source)).toMatchObject({ error: expect.stringContaining('got 0 entries') });
    expect(parseImageConfigJson('"x"', source)).toMatchObject({ error: expect.stringContaining('expected a JSON object') });
    expect(parseImageConfigJson('{"name":"x"}', source)).toMatchObject({ error: expect.stringContaining('no image config found') });
    expect(parseImageConfigJson('{"config":{"Env":"A=1"}}', source)).toEqual({ ok: false, error: '"Env" is not a list of strings' });
    expect(parseImageConfigJson('{"config":{"User":7}}', source)).toEqual({ ok: false, error: '"User" is not a string' });
    expect(parseImageConfigJson('{"config":[]}', source)).toEqual({ ok: false, error: 'the "config" member is not an object' });
  });
});
