/**
 * POSIX path helpers with Go's `path.Clean` semantics, and the destination rules BuildKit's
 * frontend applies to COPY/ADD, WORKDIR and mount targets (Linux only).
 */

/** Go's `path.Clean`: lexical, `..` cannot climb above `/`, empty → `.`. */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** Go's `path.Join`: joins non-empty parts and cleans. */
export function join(...parts: string[]): string {
  const kept = parts.filter((p) => p !== '');
  return kept.length === 0 ? '' : clean(kept.join('/'));
}

export function isAbs(p: string): boolean {
  return p.startsWith('/');
}

/** Re-applies the trailing `/` (or `/.`) of the path as written, as BuildKit's normalisers do. */
function keepTrailing(original: string, p: string): string {
  if (original.endsWith('/') && !p.endsWith('/')) return p + '/';
  if (original.endsWith('/.')) return (p === '/' ? p : p + '/') + '.';
  return p;
}

/**
 * The absolute destination of a COPY/ADD: `pathRelativeToWorkingDir` in the frontend, then
 * the normalisation `llb` applies when it marshals the copy action.
 */
export function resolveDest(dest: string, workdir: string): string {
  let p = dest;
  let resolved: string;
  if (isAbs(p)) {
    resolved = p;
  } else {
    if (p === '.' || p === '') p = './';
    resolved = keepTrailing(p, join(isAbs(workdir) ? workdir : join('/', workdir), p));
  }
  return keepTrailing(resolved, clean(resolved));
}

/** WORKDIR: relative paths are joined to the current working directory, then cleaned. */
export function resolveWorkdir(current: string, next: string): string {
  const parent = current === '' ? '/' : isAbs(current) ? current : join('/', current);
  if (next === '') return clean(parent);
  return isAbs(next) ? clean(next) : join(parent, next);
}

/** A COPY source inside its origin: made absolute from the origin's root, cleaned. */
export function sourcePath(src: string): string {
  return clean(isAbs(src) ? src : join('/', src));
}

export function hasWildcard(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' || c === '?' || c === '[') return true;
    if (c === '\\') i++;
  }
  return false;
}
