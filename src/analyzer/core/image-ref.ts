/**
 * Docker image references, normalised as BuildKit's frontend does (`reference.ParseNormalizedNamed`):
 * `alpine` → `docker.io/library/alpine`, tag `latest` implied when neither tag nor digest is written.
 */

import { err, ok, type Result } from './result.ts';

export interface ImageRef {
  /** `docker.io/library/alpine`, `ghcr.io/owner/app`. */
  readonly name: string;
  /** The tag as written, if any. */
  readonly tag?: string;
  readonly digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$|^\[[0-9a-fA-F:.]+\](?::[0-9]+)?$/;

/** Parses and normalises a reference; returns an error message (distribution's wording) when it is invalid. */
export function parseImageRef(ref: string): Result<ImageRef> {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return err('invalid reference format');
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return err('invalid reference format');
  }
  if (rest === '') return err('invalid reference format');
  let domain = 'docker.io';
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
      domain = first;
      path = rest.slice(slash + 1);
      if (!DOMAIN.test(domain)) return err('invalid reference format');
    }
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  for (const component of path.split('/')) {
    if (!COMPONENT.test(component)) {
      if (component.toLowerCase() !== component && COMPONENT.test(component.toLowerCase())) {
        return err(`invalid reference format: repository name (${path}) must be lowercase`);
      }
      return err('invalid reference format');
    }
  }
  const name = `${domain}/${path}`;
  if (name.length > 255) return err('invalid reference format: repository name must not be more than 255 characters');
  return ok({ name, tag, digest });
}

/** The identity BuildKit pins (`TagNameOnly`): the tag `latest` is implied when no tag or digest is given. */
export function canonicalRef(ref: ImageRef): string {
  const tag = ref.tag ?? (ref.digest ? undefined : 'latest');
  return `${ref.name}${tag ? `:${tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** The shape identifier: normalised name, the tag only where it was written, never the digest. */
export function displayRef(ref: ImageRef): string {
  return `${ref.name}${ref.tag ? `:${ref.tag}` : ''}`;
}
