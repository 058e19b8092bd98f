/**
 * Does a COPY source (or bind-mount source) select a path of the build context? BuildKit's
 * content keys cover exactly the selected paths: the named file, everything under a named
 * directory, and whatever a wildcard matches (directories matched copy their whole subtree).
 */
import { clean, hasWildcard, isAbs, join } from '../core/paths.ts';

/** A context path as the reader writes it (`src/app.go`, `./src/app.go`, `/src/app.go`) made absolute. */
export function contextPath(p: string): string {
  return clean(isAbs(p) ? p : join('/', p));
}

/** Go's `filepath.Match` for one path segment pattern, as a regular expression. */
function segmentRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      if (body.startsWith('^')) body = '!' + body.slice(1);
      re += `[${body.startsWith('!') ? '^' + body.slice(1).replace(/\\/g, '\\\\') : body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) {
      re += escapeRe(pattern[++i]);
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** True when copying `source` (absolute within the context) reads `path` (absolute). */
export function selects(source: string, path: string): boolean {
  const src = clean(source);
  const target = clean(path);
  if (src === '/') return true;
  if (!hasWildcard(src)) return target === src || target.startsWith(src + '/');
  const patternParts = src.split('/').slice(1);
  const pathParts = target.split('/').slice(1);
  if (pathParts.length < patternParts.length) return false;
  return patternParts.every((part, i) => segmentRegex(part).test(pathParts[i]));
}
