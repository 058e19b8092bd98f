import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

/**
 * A small static file server for the end-to-end tests that, unlike `astro preview`, applies a
 * `_headers` file the way Netlify and Cloudflare Pages do: every rule whose path pattern
 * matches the request adds its headers, in file order, and a header named twice is joined
 * with ", ". It serves a build folder as those hosts do: `/dir/` is `/dir/index.html`, `/dir`
 * redirects to `/dir/`, and a missing file is the build's 404.html with status 404.
 */

export interface HeaderRule {
  /** The path pattern as written (`/*`, `/_astro/*`, `/blog/:slug`). */
  pattern: string;
  matches: RegExp;
  headers: [name: string, value: string][];
  /** Headers (lower-case names) this rule removes from what earlier rules gave the path (`! Name`). */
  detach: string[];
}

/**
 * Reads the `_headers` format: a line that starts in column 0 is a path pattern, the indented
 * `Name: value` lines after it are its headers, `#` starts a comment. `*` is a splat (any
 * characters, slashes included) and `:name` a placeholder (one path segment). An indented
 * `! Name` detaches a header an earlier matching rule set (Cloudflare Pages' syntax). Throws on a line
 * it cannot read, so a typo in the file fails the tests instead of silently dropping a header.
 */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trimEnd();
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const where = `_headers line ${index + 1}`;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/')) throw new Error(`${where}: a path pattern must start with "/": ${line}`);
      rules.push({ pattern: line, matches: patternRegExp(line), headers: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`${where}: a header before any path pattern: ${line.trim()}`);
    const detached = /^!\s*([A-Za-z0-9-]+)$/.exec(line.trim());
    if (detached) {
      rule.detach.push(detached[1].toLowerCase());
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (colon < 0 || !/^[A-Za-z0-9-]+$/.test(name) || value === '') throw new Error(`${where}: not a "Name: value" header: ${line.trim()}`);
    rule.headers.push([name, value]);
  }
  return rules;
}

function patternRegExp(pattern: string): RegExp {
  let source = '';
  for (const part of pattern.split(/(\*|:[A-Za-z]\w*)/)) {
    if (part === '*') source += '.*';
    else if (part.startsWith(':') && part.length > 1) source += '[^/]+';
    else source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The headers every matching rule gives a path, names lower-cased. */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.matches.test(path)) continue;
    for (const name of rule.detach) delete out[name];
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = key in out ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** `http://host:port`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** The build folder to serve. */
  root: string;
  /** The `_headers` file to apply; `<root>/_headers` when left out, none when null. */
  headersFile?: string | null;
  /** Headers (lower-case names) to leave out of every response, to test one header alone. */
  omit?: string[];
  host?: string;
  /** Sends each HTML page in pieces of `bytes`, one every `everyMs`: a slow connection. */
  trickle?: { bytes: number; everyMs: number };
  /** 0 (the default) picks a free port. */
  port?: number;
}

/** Starts a server for a build folder; see the top of this file. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const headersFile = options.headersFile === undefined ? join(root, '_headers') : options.headersFile;
  const rules = headersFile ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
  const omit = new Set((options.omit ?? []).map((name) => name.toLowerCase()));
  const host = options.host ?? '127.0.0.1';

  const server = createServer((request, response) => {
    const send = (status: number, path: string, body: Buffer | string, type?: string, extra: Record<string, string> = {}): void => {
      const headers: Record<string, string> = { ...headersFor(rules, path), ...extra };
      if (type) headers['content-type'] = type;
      for (const name of omit) delete headers[name];
      response.writeHead(status, headers);
      if (request.method === 'HEAD') return void response.end();
      if (!options.trickle || type !== TYPES['.html']) return void response.end(body);
      const { bytes, everyMs } = options.trickle;
      const data = Buffer.from(body);
      const next = (at: number): void => {
        if (at >= data.length) return void response.end();
        response.write(data.subarray(at, at + bytes));
        setTimeout(() => next(at + bytes), everyMs);
      };
      next(0);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, '/', 'Method not allowed', 'text/plain');
    const rawPath = new URL(request.url ?? '/', 'http://x').pathname;
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return send(400, '/', 'Bad request', 'text/plain');
    }
    const file = resolve(root, `.${path}`);
    if (file !== root && !file.startsWith(root + sep)) return send(404, path, 'Not found', 'text/plain');
    const stat = existsSync(file) ? statSync(file) : undefined;
    if (stat?.isDirectory()) {
      if (!path.endsWith('/')) return send(301, path, '', undefined, { location: `${rawPath}/` });
      const index = join(file, 'index.html');
      if (existsSync(index)) return send(200, path, readFileSync(index), TYPES['.html']);
    } else if (stat?.isFile() && !path.endsWith('/')) {
      return send(200, path, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
    }
    const notFound = join(root, '404.html');
    if (existsSync(notFound)) return send(404, path, readFileSync(notFound), TYPES['.html']);
    return send(404, path, 'Not found', 'text/plain');
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
