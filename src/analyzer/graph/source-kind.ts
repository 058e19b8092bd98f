/**
 * Classifies a COPY/ADD source the way the frontend does (`dfgitutil.ParseGitRef`, `isHTTPSource`):
 * a Git repository, an HTTP(S) download, or a path inside the context or `--from` origin.
 */
import { clean, join } from '../core/paths.ts';

export type SourceKind =
  | { readonly kind: 'local' }
  | { readonly kind: 'http'; readonly url: string; readonly filename: string }
  | {
      readonly kind: 'git';
      /** BuildKit's identifier after `git://`: host + path, `#ref[:subdir]`. */
      readonly id: string;
      readonly ref?: string;
      readonly subdir?: string;
      readonly checksum?: string;
      readonly keepGitDir?: boolean;
      readonly submodules?: boolean;
      readonly fetchByCommit?: boolean;
    }
  | { readonly kind: 'error'; readonly message: string };

const PROTO = /^[a-zA-Z0-9]+:\/\//;
const SCP = /^([a-zA-Z0-9-_]+)@([a-zA-Z0-9-.]+):(.*?)(?:\?(.*?))?(?:#(.*))?$/;
const GIT_PROTOCOLS = new Set(['http', 'https', 'ssh', 'git']);

interface UrlParts {
  readonly scheme: string;
  readonly host: string;
  readonly path: string;
  readonly query: string;
  readonly fragment: string;
}

function splitUrl(raw: string): UrlParts {
  const scheme = raw.slice(0, raw.indexOf('://')).toLowerCase();
  let rest = raw.slice(raw.indexOf('://') + 3);
  let fragment = '';
  const hash = rest.indexOf('#');
  if (hash !== -1) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let query = '';
  const q = rest.indexOf('?');
  if (q !== -1) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  const slash = rest.indexOf('/');
  let host = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash);
  const userEnd = host.lastIndexOf('@');
  if (userEnd !== -1) host = host.slice(userEnd + 1);
  return { scheme, host, path: decode(path), query, fragment: decode(fragment) };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function gitRef(host: string, path: string, query: string, fragment: string): SourceKind {
  let ref: string | undefined;
  let subdir: string | undefined;
  if (fragment !== '') {
    const colon = fragment.indexOf(':');
    ref = colon === -1 ? fragment : fragment.slice(0, colon);
    const sub = colon === -1 ? '' : fragment.slice(colon + 1);
    subdir = join('/', sub).replace(/^\//, '');
    if (ref === '') ref = undefined;
    if (subdir === '') subdir = undefined;
  }
  let checksum: string | undefined;
  let keepGitDir: boolean | undefined;
  let submodules: boolean | undefined;
  let fetchByCommit: boolean | undefined;
  let tag = '';
  let branch = '';
  if (query !== '') {
    const seen = new Map<string, string[]>();
    for (const pair of query.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const k = decode(eq === -1 ? pair : pair.slice(0, eq));
      const v = decode(eq === -1 ? '' : pair.slice(eq + 1));
      seen.set(k, [...(seen.get(k) ?? []), v]);
    }
    const bool = (k: string, v: string | undefined): boolean | string => {
      if (v === undefined || v === '') return true;
      const lower = v.toLowerCase();
      if (['1', 't', 'true'].includes(lower)) return true;
      if (['0', 'f', 'false'].includes(lower)) return false;
      return `invalid ${k} value: ${JSON.stringify(v)}`;
    };
    for (const [k, values] of seen) {
      if (values.length > 1) return { kind: 'error', message: `query ${JSON.stringify(k)} has multiple values` };
      const v = values[0];
      if (v === '' && !['submodules', 'keep-git-dir', 'fetch-by-commit'].includes(k)) {
        return { kind: 'error', message: `query ${JSON.stringify(k)} has no value` };
      }
      switch (k) {
        case 'ref':
          if (ref && ref !== v) return { kind: 'error', message: `ref conflicts: ${JSON.stringify(ref)} vs ${JSON.stringify(v)}` };
          ref = v;
          break;
        case 'tag':
          tag = v;
          break;
        case 'branch':
          branch = v;
          break;
        case 'subdir':
          if (subdir && subdir !== v) return { kind: 'error', message: `subdir conflicts: ${JSON.stringify(subdir)} vs ${JSON.stringify(v)}` };
          subdir = v;
          break;
        case 'checksum':
        case 'commit':
          checksum = v;
          break;
        case 'keep-git-dir':
        case 'submodules':
        case 'fetch-by-commit': {
          const b = bool(k, v);
          if (typeof b === 'string') return { kind: 'error', message: b };
          if (k === 'keep-git-dir') keepGitDir = b;
          else if (k === 'submodules') submodules = b;
          else fetchByCommit = b;
          break;
        }
        case 'mtime':
          if (v !== 'checkout' && v !== 'commit') {
            return { kind: 'error', message: `invalid mtime value: ${JSON.stringify(v)} (must be "checkout" or "commit")` };
          }
          break;
        default:
          return { kind: 'error', message: `unexpected query ${JSON.stringify(k)}` };
      }
    }
  }
  if (tag !== '') {
    const t = tag.startsWith('refs/tags/') ? tag : `refs/tags/${tag}`;
    if (ref && ref !== t) return { kind: 'error', message: `ref conflicts: ${JSON.stringify(ref)} vs ${JSON.stringify(t)}` };
    ref = t;
  }
  if (branch !== '') {
    if (tag !== '') return { kind: 'error', message: 'branch conflicts with tag' };
    const b = branch.startsWith('refs/heads/') ? branch : `refs/heads/${branch}`;
    if (ref && ref !== b) return { kind: 'error', message: `ref conflicts: ${JSON.stringify(ref)} vs ${JSON.stringify(b)}` };
    ref = b;
  }
  let id = host + join('/', path);
  if (ref || subdir) id += `#${ref ?? ''}${subdir ? `:${subdir}` : ''}`;
  return { kind: 'git', id, ref, subdir, checksum, keepGitDir, submodules, fetchByCommit };
}

/** Git classification alone: undefined when the source is not a Git reference. */
function classifyGit(src: string): SourceKind | undefined {
  if (src.startsWith('./') || src.startsWith('../') || src.startsWith('github.com/')) return undefined;
  const proto = PROTO.exec(src);
  if (proto) {
    const parts = splitUrl(src);
    if (!GIT_PROTOCOLS.has(parts.scheme)) return undefined;
    if ((parts.scheme === 'http' || parts.scheme === 'https') && !parts.path.endsWith('.git')) return undefined;
    return gitRef(parts.host, parts.path, parts.query, parts.fragment);
  }
  const scp = SCP.exec(src);
  if (scp) return gitRef(scp[2], scp[3], scp[4] ?? '', scp[5] ?? '');
  return undefined;
}

export function classifySource(src: string): SourceKind {
  const git = classifyGit(src);
  if (git) return git;
  if (src.startsWith('http://') || src.startsWith('https://')) {
    const parts = splitUrl(src);
    const base = lastSegment(parts.path);
    return { kind: 'http', url: src, filename: base === '.' || base === '/' ? '__unnamed__' : base };
  }
  return { kind: 'local' };
}

/** Go's `path.Base`. */
function lastSegment(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return clean(trimmed).split('/').pop() ?? '.';
}
