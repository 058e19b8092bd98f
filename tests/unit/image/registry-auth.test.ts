/**
 * Registry authentication: a tiny registry on 127.0.0.1 that answers 401 with a Bearer
 * challenge, and a token service that hands out a token only for the credentials in a Docker
 * config file, the way Docker Hub and most registries do.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskCache } from '../../../src/cli/registry/cache.ts';
import { parseChallenge, resolveImageConfig } from '../../../src/cli/registry/client.ts';
import { credentialsFor } from '../../../src/cli/registry/credentials.ts';

const config = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', config: { Env: ['SECRET_IMAGE=1'], User: '1000' } }));
const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
const manifest = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
  layers: [],
});

let server: Server;
let host: string;
let dir: string;
const seen: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'layerwise-auth-'));
  server = createServer((req, res) => {
    const url = new URL(req.url!, `http://${host}`);
    seen.push(`${req.method} ${url.pathname}${url.search}`);
    if (url.pathname === '/token') {
      const basic = `Basic ${Buffer.from('reader:s3cret').toString('base64')}`;
      if (req.headers.authorization !== basic || url.searchParams.get('scope') !== 'repository:private/app:pull' || url.searchParams.get('service') !== 'test-registry') {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'tok-123' }));
      return;
    }
    if (req.headers.authorization !== 'Bearer tok-123') {
      res
        .writeHead(401, { 'www-authenticate': `Bearer realm="http://${host}/token",service="test-registry",scope="repository:private/app:pull"` })
        .end('{"errors":[{"code":"UNAUTHORIZED"}]}');
      return;
    }
    if (url.pathname === '/v2/private/app/manifests/1') {
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(manifest);
    } else if (url.pathname === `/v2/private/app/blobs/${configDigest}`) {
      res.writeHead(200).end(config);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bearer-token auth', () => {
  it('answers the challenge with a token bought with the Docker config credentials', async () => {
    const dockerConfig = { auths: { [host]: { auth: Buffer.from('reader:s3cret').toString('base64') } } };
    const result = await resolveImageConfig(`${host}/private/app:1`, { cache: new DiskCache(join(dir, 'c1')), dockerConfig });
    expect(result).toMatchObject({ env: ['SECRET_IMAGE=1'], user: '1000', source: { kind: 'registry' } });
    expect(seen.filter((line) => line.startsWith('GET /token'))).toHaveLength(1);
  });

  it('fails with the token service status when the credentials are missing', async () => {
    await expect(resolveImageConfig(`${host}/private/app:1`, { cache: new DiskCache(join(dir, 'c2')) })).rejects.toThrow(
      /token request failed with HTTP 401/,
    );
  });

  it('treats a cached blob whose bytes do not match its digest as a miss', async () => {
    // Content-addressed: a damaged file must never be read back as the config.
    const cache = new DiskCache(join(dir, 'c3'));
    cache.writeBlob(configDigest, Buffer.from('{"tampered":true}'));
    expect(cache.readBlob(configDigest)).toBeUndefined();
  });
});

describe('challenge and credential parsing', () => {
  it('reads quoted and bare parameters', () => {
    expect(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/alpine:pull' },
    });
    expect(parseChallenge('Basic realm=registry')).toEqual({ scheme: 'basic', params: { realm: 'registry' } });
  });

  it('finds Docker Hub logins under their historical key, and username/password pairs', () => {
    const hub = { auths: { 'https://index.docker.io/v1/': { auth: Buffer.from('me:pw:with:colons').toString('base64') } } };
    expect(credentialsFor('docker.io', hub)).toEqual({ username: 'me', password: 'pw:with:colons' });
    expect(credentialsFor('ghcr.io', hub)).toBeUndefined();
    expect(credentialsFor('ghcr.io', { auths: { 'https://ghcr.io': { username: 'u', password: 'p' } } })).toEqual({ username: 'u', password: 'p' });
    expect(credentialsFor('ghcr.io', { credsStore: 'desktop' })).toBeUndefined();
    expect(credentialsFor('ghcr.io', null)).toBeUndefined();
  });
});
