/**
 * `--resolve-images` with bearer-token auth against the real registry: docker-registry
 * (distribution 2.x) configured with `auth: token`, trusting a self-signed certificate made here
 * with the `openssl` CLI, and a token service in this process that checks a login and signs
 * RS256 JWTs carrying that certificate (`x5c`) with node:crypto. The registry verifies every
 * token itself; the CLI reads its credentials from a Docker config file in a temporary HOME or
 * DOCKER_CONFIG, answers the registry's challenge, and resolves the pushed image.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { randomUUID, sign, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskCache } from '../../../src/cli/registry/cache.ts';
import { resolveImageConfig } from '../../../src/cli/registry/client.ts';
import { cli } from '../cli/harness.ts';
import { pusher, skipRegistry, startRegistry } from './registry-harness.ts';

const SERVICE = 'layerwise-test-registry';
const ISSUER = 'layerwise-test-token-service';
/** Accounts of the token service: who may do what. */
const ACCOUNTS: Record<string, { password: string; actions: readonly string[] }> = {
  reader: { password: 'r3ader', actions: ['pull'] },
  writer: { password: 'wr1ter', actions: ['pull', 'push'] },
};

interface Signer {
  readonly key: string;
  /** The certificate as JWS `x5c` wants it: base64 (not URL-safe) DER. */
  readonly x5c: string;
  readonly pem: string;
}

let dir: string;
let registry: ChildProcess | undefined;
let tokens: Server | undefined;
let host: string;
let realm: string;
let trusted: Signer;
const issued: { user: string; scope: string }[] = [];

/** A private key and a self-signed certificate for it, made by the openssl CLI. */
function makeSigner(name: string): Signer {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-subj', `/CN=${name}`, '-keyout', key, '-out', cert], {
    stdio: 'ignore',
  });
  const pem = readFileSync(cert, 'utf8');
  return { key: readFileSync(key, 'utf8'), pem, x5c: new X509Certificate(pem).raw.toString('base64') };
}

/** A registry token as distribution reads it: RS256, the certificate in `x5c`, the standard claims and `access`. */
function mint(signer: Signer, subject: string, access: readonly { type: string; name: string; actions: readonly string[] }[]): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'RS256', x5c: [signer.x5c] };
  const claims = { iss: ISSUER, sub: subject, aud: SERVICE, exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access };
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part(header)}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), signer.key).toString('base64url')}`;
}

/** The token endpoint (`realm`): a Basic login buys a token for the actions the account may do on the scopes asked. */
function tokenService(): Server {
  return createServer((req, res) => {
    const url = new URL(req.url!, 'http://token.invalid');
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    const [user, ...rest] = scheme === 'Basic' && encoded ? Buffer.from(encoded, 'base64').toString('utf8').split(':') : [];
    const account = user !== undefined ? ACCOUNTS[user] : undefined;
    if (url.pathname !== '/token' || url.searchParams.get('service') !== SERVICE || !account || account.password !== rest.join(':')) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"login required"}');
      return;
    }
    const access = url.searchParams.getAll('scope').flatMap((scope) => {
      const [type, name, actions] = scope.split(':');
      const granted = (actions ?? '').split(',').filter((a) => account.actions.includes(a));
      return type === 'repository' && name && granted.length ? [{ type, name, actions: granted }] : [];
    });
    issued.push({ user: user!, scope: url.searchParams.getAll('scope').join(' ') });
    const token = mint(trusted, user!, access);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }));
  });
}

/** A Docker config file as `docker login` writes it, in `folder`. */
function dockerConfig(folder: string, user: string, password: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'config.json'), JSON.stringify({ auths: { [host]: { auth: Buffer.from(`${user}:${password}`).toString('base64') } } }));
}

describe.skipIf(skipRegistry)('bearer-token auth against docker-registry on 127.0.0.1', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layerwise-token-'));
    trusted = makeSigner('layerwise-token-test');
    tokens = tokenService();
    await new Promise<void>((resolve) => tokens!.listen(0, '127.0.0.1', resolve));
    const address = tokens.address();
    realm = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/token`;
    const bundle = join(dir, 'layerwise-token-test.pem');
    const started = await startRegistry(dir, [
      'auth:',
      '  token:',
      `    realm: ${realm}`,
      `    service: ${SERVICE}`,
      `    issuer: ${ISSUER}`,
      `    rootcertbundle: ${bundle}`,
    ]);
    registry = started.process;
    host = started.host;
  }, 60_000);

  afterAll(async () => {
    registry?.kill();
    await new Promise<void>((resolve) => (tokens ? tokens.close(() => resolve()) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('asks for a token, and refuses one signed by a key it does not trust', async () => {
    const anonymous = await fetch(`http://${host}/v2/private/app/manifests/1`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe(`Bearer realm="${realm}",service="${SERVICE}",scope="repository:private/app:pull"`);
    const stranger = makeSigner('stranger');
    const forged = await fetch(`http://${host}/v2/private/app/manifests/1`, {
      headers: { authorization: `Bearer ${mint(stranger, 'writer', [{ type: 'repository', name: 'private/app', actions: ['pull'] }])}` },
    });
    expect(forged.status).toBe(401);
  });

  it('takes a push with a token from the service, and resolves the image with the Docker config credentials', async () => {
    // The writer logs in for push and pull; each request carries the token.
    const writerToken = async (repo: string) => {
      const login = Buffer.from(`writer:${ACCOUNTS.writer.password}`).toString('base64');
      const answer = await fetch(`${realm}?service=${SERVICE}&scope=repository:${repo}:push,pull`, { headers: { authorization: `Basic ${login}` } });
      expect(answer.status).toBe(200);
      return { authorization: `Bearer ${((await answer.json()) as { token: string }).token}` };
    };
    const { pushImage } = pusher(host, writerToken);
    const pushed = await pushImage('private/app', '1', {
      architecture: 'amd64',
      os: 'linux',
      config: { Env: ['PATH=/usr/bin:/bin', 'APP_HOME=/srv/app'], WorkingDir: '/srv/app', User: 'app' },
      rootfs: { type: 'layers', diff_ids: [] },
    });

    // The client: anonymous is refused by the token service, a login from the Docker config file is not.
    const cache = () => new DiskCache(join(dir, `cache-${randomUUID()}`));
    await expect(resolveImageConfig(`${host}/private/app:1`, { cache: cache() })).rejects.toThrow(/token request failed with HTTP 401/);
    const config = await resolveImageConfig(`${host}/private/app:1`, {
      cache: cache(),
      dockerConfig: { auths: { [host]: { auth: Buffer.from(`reader:${ACCOUNTS.reader.password}`).toString('base64') } } },
    });
    expect(config).toMatchObject({ env: ['PATH=/usr/bin:/bin', 'APP_HOME=/srv/app'], workingDir: '/srv/app', user: 'app', source: { kind: 'registry', detail: `${host}/private/app:1@${pushed.manifest}` } });
    expect(issued.at(-1)).toEqual({ user: 'reader', scope: 'repository:private/app:pull' });

    // The CLI: credentials from $DOCKER_CONFIG/config.json, then from $HOME/.docker/config.json.
    const dockerfile = `FROM ${host}/private/app:1\nCOPY app.conf conf/\nLABEL home=$APP_HOME\n`;
    dockerConfig(join(dir, 'docker-config'), 'reader', ACCOUNTS.reader.password);
    dockerConfig(join(dir, 'home', '.docker'), 'reader', ACCOUNTS.reader.password);
    const run = (argv: string[], env: Record<string, string>) => cli(argv, {}, { stdin: dockerfile, env: { LAYERWISE_CACHE_DIR: join(dir, `cli-${randomUUID()}`), ...env } });
    const envs: Record<string, string>[] = [{ DOCKER_CONFIG: join(dir, 'docker-config') }, { HOME: join(dir, 'home') }];
    for (const env of envs) {
      const graph = await run(['graph', '--format', 'json', '--resolve-images', '-'], env);
      expect(graph.stderr).toBe('');
      const ops = JSON.parse(graph.stdout).ops as { details: { imageConfig?: string; imageConfigLine?: string; actions?: { dest?: string }[] } }[];
      const source = ops.find((op) => op.details.imageConfig)!.details;
      expect(source.imageConfig).toMatch(new RegExp(`^registry ${host}/private/app:1@${pushed.manifest}, \\d{4}-\\d{2}-\\d{2}$`));
      expect(source.imageConfigLine).toMatch(/^config: registry, \d{4}-\d{2}-\d{2}$/);
      // The image's WorkingDir is where a relative COPY lands; its ENV is in scope.
      expect(ops.flatMap((op) => op.details.actions ?? []).map((a) => a.dest)).toContain('/srv/app/conf/');
      expect((await run(['lint', '--resolve-images', '-'], env)).stdout).toBe('');
    }

    // A wrong password: the CLI warns, names the failure, and falls back to what it knows.
    dockerConfig(join(dir, 'bad-config'), 'reader', 'wrong');
    const denied = await run(['lint', '--resolve-images', '-'], { DOCKER_CONFIG: join(dir, 'bad-config') });
    expect(denied.stderr).toMatch(new RegExp(`cannot resolve ${host}/private/app:1: .*token request failed with HTTP 401; using the built-in table`));
    expect(denied.stdout).toContain("Usage of undefined variable '$APP_HOME'; it may come from the base image");
  }, 60_000);
});
