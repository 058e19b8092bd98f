/**
 * Fetches a base image's config from its registry over the distribution HTTP API v2, as
 * `docker build` does before converting a stage: manifest (or index / manifest list, resolved to
 * the target platform), then the config blob, verified against its digest and cached on disk.
 * Anonymous access, bearer tokens from the registry's `WWW-Authenticate` challenge, and basic
 * credentials from the Docker config file. `offline` answers from the cache only.
 */
import { createHash } from 'node:crypto';
import { parseImageRef } from '../../analyzer/core/image-ref.ts';
import { parseImageConfigJson } from '../../analyzer/image/config-json.ts';
import type { ImageConfig, ImagePlatform } from '../../analyzer/image/model.ts';
import { formatPlatform } from '../../analyzer/image/model.ts';
import { normalizePlatform, platformMatches } from '../../analyzer/image/platform.ts';
import { credentialsFor, type Credentials } from './credentials.ts';
import { DiskCache } from './cache.ts';

const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
const MANIFEST_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];

export interface ResolveOptions {
  /** The build's target platform (default linux/amd64, as the analyzer models the build). */
  readonly platform?: ImagePlatform;
  readonly cache: DiskCache;
  /** Answer from the cache only; never touch the network. */
  readonly offline?: boolean;
  /** Parsed `~/.docker/config.json`, if any. */
  readonly dockerConfig?: unknown;
  /** Hosts spoken to over plain HTTP (default: localhost and loopback addresses). */
  readonly plainHttp?: (host: string) => boolean;
  readonly fetch?: typeof fetch;
  /** Clock for the source date, so tests are stable. */
  readonly now?: () => Date;
}

export class RegistryError extends Error {}

interface Descriptor {
  readonly mediaType?: string;
  readonly digest: string;
  readonly platform?: { readonly os?: string; readonly architecture?: string; readonly variant?: string };
}

export async function resolveImageConfig(ref: string, options: ResolveOptions): Promise<ImageConfig> {
  const result = parseImageRef(ref);
  if (!result.ok) throw new RegistryError(`${ref}: ${result.error}`);
  const parsed = result.value;
  const platform = normalizePlatform(options.platform ?? { os: 'linux', architecture: 'amd64' });
  const slash = parsed.name.indexOf('/');
  const domain = parsed.name.slice(0, slash);
  const repository = parsed.name.slice(slash + 1);
  const reference = parsed.digest ?? parsed.tag ?? 'latest';
  const cacheKey = `${parsed.name}:${parsed.tag ?? ''}@${parsed.digest ?? ''} ${formatPlatform(platform)}`;
  const date = (options.now ?? (() => new Date()))().toISOString().slice(0, 10);

  if (options.offline) {
    const pinned = options.cache.readRef(cacheKey);
    const blob = pinned && options.cache.readBlob(pinned.config);
    if (!pinned || blob === undefined) throw new RegistryError(`${ref}: not in the cache (${options.cache.dir}) and --offline is set`);
    return toConfig(blob, ref, pinned.manifest, pinned.platforms, `${pinned.date}, cached`);
  }

  const session = new Session(domain, repository, options);
  let manifest = await session.getJson(`manifests/${reference}`, [...INDEX_TYPES, ...MANIFEST_TYPES]);
  let manifestDigest = manifest.digest;
  let platforms: ImagePlatform[] = [];
  if (INDEX_TYPES.includes(manifest.mediaType)) {
    const entries = ((manifest.body.manifests ?? []) as Descriptor[]).filter((d) => d.platform?.os && d.platform.architecture);
    platforms = entries.map((d) => normalizePlatform({ os: d.platform!.os!, architecture: d.platform!.architecture!, ...(d.platform!.variant ? { variant: d.platform!.variant } : {}) }));
    const chosen = entries.find((_, i) => platformMatches(platform, platforms[i]));
    if (!chosen) return toConfigFromParts(ref, manifestDigest, platforms, date);
    manifest = await session.getJson(`manifests/${chosen.digest}`, MANIFEST_TYPES);
    manifestDigest = chosen.digest;
  }
  const configDescriptor = manifest.body.config as Descriptor | undefined;
  if (!configDescriptor || typeof configDescriptor.digest !== 'string') throw new RegistryError(`${ref}: the manifest names no config`);
  let blob = options.cache.readBlob(configDescriptor.digest);
  if (blob === undefined) {
    const bytes = await session.getBlob(configDescriptor.digest);
    options.cache.writeBlob(configDescriptor.digest, bytes);
    blob = bytes.toString('utf8');
  }
  const config = toConfig(blob, ref, manifestDigest, platforms, date);
  options.cache.writeRef(cacheKey, { manifest: manifestDigest, config: configDescriptor.digest, platforms: config.platforms, date });
  return config;
}

/** A platform the reference does not publish: known platforms, no config (InvalidBaseImagePlatform reads them). */
function toConfigFromParts(ref: string, digest: string, platforms: ImagePlatform[], date: string): ImageConfig {
  return { env: [], workingDir: '', user: '', onBuild: [], platforms, source: { kind: 'registry', detail: `${ref}@${digest}`, date } };
}

function toConfig(blob: string, ref: string, digest: string, platforms: readonly ImagePlatform[], date: string): ImageConfig {
  const parsed = parseImageConfigJson(blob, { kind: 'registry', detail: `${ref}@${digest}`, date });
  if (!parsed.ok) throw new RegistryError(`${ref}: config ${digest}: ${parsed.error}`);
  // An index lists every platform; a single manifest only its config's own.
  return platforms.length > 0 ? { ...parsed.value, platforms } : parsed.value;
}

/** One repository on one registry, carrying the token a challenge earned. */
class Session {
  readonly base: string;
  readonly repository: string;
  readonly fetch: typeof fetch;
  readonly credentials: Credentials | undefined;
  authorization: string | undefined;

  constructor(domain: string, repository: string, options: ResolveOptions) {
    const host = domain === 'docker.io' ? 'registry-1.docker.io' : domain;
    const plain = (options.plainHttp ?? isLoopback)(host);
    this.base = `${plain ? 'http' : 'https'}://${host}/v2/${repository}/`;
    this.repository = repository;
    this.fetch = options.fetch ?? fetch;
    this.credentials = credentialsFor(domain, options.dockerConfig);
  }

  async getJson(path: string, accept: readonly string[]): Promise<{ body: Record<string, unknown>; mediaType: string; digest: string }> {
    const response = await this.request(path, { accept: accept.join(', ') });
    const bytes = Buffer.from(await response.arrayBuffer());
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new RegistryError(`${this.base}${path}: the registry did not answer with JSON`);
    }
    const mediaType = (typeof body.mediaType === 'string' ? body.mediaType : response.headers.get('content-type') ?? '').split(';')[0].trim();
    const digest = response.headers.get('docker-content-digest') ?? `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    return { body, mediaType, digest };
  }

  async getBlob(digest: string): Promise<Buffer> {
    const response = await this.request(`blobs/${digest}`, {});
    const bytes = Buffer.from(await response.arrayBuffer());
    const [algorithm, hex] = digest.split(':');
    if (algorithm !== 'sha256' || createHash('sha256').update(bytes).digest('hex') !== hex) {
      throw new RegistryError(`${this.base}blobs/${digest}: content does not match its digest`);
    }
    return bytes;
  }

  private async request(path: string, headers: Record<string, string>): Promise<Response> {
    const url = `${this.base}${path}`;
    const send = () => this.fetch(url, { headers: { ...headers, ...(this.authorization ? { authorization: this.authorization } : {}) }, redirect: 'follow' });
    let response = await send();
    if (response.status === 401 && !this.authorization) {
      await response.arrayBuffer();
      await this.answerChallenge(response.headers.get('www-authenticate') ?? '', url);
      response = await send();
    }
    if (!response.ok) {
      const text = (await response.text()).slice(0, 200).trim();
      throw new RegistryError(`${url}: HTTP ${response.status}${text ? ` ${text}` : ''}`);
    }
    return response;
  }

  private async answerChallenge(header: string, url: string): Promise<void> {
    const challenge = parseChallenge(header);
    const basic = this.credentials ? `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}` : undefined;
    if (challenge?.scheme === 'basic') {
      if (!basic) throw new RegistryError(`${url}: the registry wants a login (no credentials in the Docker config file)`);
      this.authorization = basic;
      return;
    }
    if (challenge?.scheme !== 'bearer' || !challenge.params.realm) throw new RegistryError(`${url}: unauthorized, and no usable challenge`);
    const realm = new URL(challenge.params.realm);
    if (challenge.params.service) realm.searchParams.set('service', challenge.params.service);
    realm.searchParams.set('scope', challenge.params.scope ?? `repository:${this.repository}:pull`);
    const response = await this.fetch(realm, { headers: basic ? { authorization: basic } : {} });
    if (!response.ok) throw new RegistryError(`${realm.origin}${realm.pathname}: token request failed with HTTP ${response.status}`);
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`${realm.origin}${realm.pathname}: the token service returned no token`);
    this.authorization = `Bearer ${token}`;
  }
}

/** `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="…"`. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } | undefined {
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const param of match[2].matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[param[1].toLowerCase()] = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3];
  }
  return { scheme: match[1].toLowerCase(), params };
}

function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}
