/**
 * `RUN --mount` values (BuildKit's `commands_runmount.go`). A value is read twice: when the
 * instruction is parsed only the CSV syntax and the `from` rule are checked; at evaluation every
 * value is expanded and interpreted in field order (`parseMount`).
 */
import { goQuote } from '../core/go-strings.ts';
import { withSuggestion } from '../core/suggest.ts';
import { err, ok, type Result } from '../core/result.ts';

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
export type MountSharing = 'shared' | 'private' | 'locked';

/** A mount after expansion and interpretation: what graph/ lowers. */
export interface Mount {
  readonly type: MountType;
  /** Stage name or image; empty when the source is the build context (or nothing). */
  readonly from: string;
  readonly source: string;
  /** As written (after expansion); relative targets are resolved against the workdir by the caller. */
  readonly target: string;
  readonly readonly: boolean;
  /** `id=`: cache id, secret id or ssh id. */
  readonly id: string;
  readonly sharing?: MountSharing;
  readonly required: boolean;
  /** tmpfs `size=` in bytes. */
  readonly size?: number;
  readonly env?: string;
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
}

const MOUNT_TYPES: readonly MountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARING: readonly MountSharing[] = ['shared', 'private', 'locked'];
const ALL_KEYS = [
  'type', 'from', 'source', 'target', 'readonly', 'id', 'sharing', 'required', 'size', 'mode',
  'uid', 'gid', 'src', 'dst', 'destination', 'ro', 'rw', 'readwrite', 'env',
];

/**
 * Splits a value as Go's single-line CSV reader does (fields separated by `,`, `"…"` quoting
 * with `""` for a quote). Returns BuildKit's error text on failure.
 */
export function splitCsv(line: string): Result<string[]> {
  if (line.endsWith('\r\n')) line = line.slice(0, -2);
  else if (line.endsWith('\n')) line = line.slice(0, -1);
  if (line.length === 0) return err('EOF');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] !== '"') {
      const comma = line.indexOf(',', i);
      const field = comma < 0 ? line.slice(i) : line.slice(i, comma);
      const quote = field.indexOf('"');
      if (quote >= 0) return csvError(line, i + quote, 'bare " in non-quoted-field');
      fields.push(field);
      if (comma < 0) return ok(fields);
      i = comma + 1;
      continue;
    }
    i++;
    let field = '';
    for (;;) {
      const q = line.indexOf('"', i);
      if (q < 0) return csvError(line, i, 'extraneous or missing " in quoted-field');
      field += line.slice(i, q);
      i = q + 1;
      if (line[i] === '"') {
        field += '"';
        i++;
        continue;
      }
      if (line[i] === ',') {
        fields.push(field);
        i++;
        break;
      }
      if (i >= line.length) {
        fields.push(field);
        return ok(fields);
      }
      return csvError(line, i - 1, 'extraneous or missing " in quoted-field');
    }
  }
}

function csvError(line: string, index: number, what: string): Result<string[]> {
  // Go reports 1-based byte columns.
  const column = utf8Length(line.slice(0, index)) + 1;
  return err(`parse error on line 1, column ${column}: ${what}`);
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Parse-time check of one `--mount` value; undefined when fine. */
export function checkMountSyntax(value: string): string | undefined {
  const split = splitCsv(value);
  if (!split.ok) return `failed to parse csv mounts: ${split.error}`;
  for (const field of split.value) {
    const eq = field.indexOf('=');
    if (eq < 0) continue;
    if (field.slice(0, eq).toLowerCase() !== 'from') continue;
    const v = field.slice(eq + 1);
    const dollar = v.indexOf('$');
    if (dollar >= 0 && dollar !== v.length - 1) {
      return "'from' doesn't support variable expansion, define alias stage instead";
    }
  }
  return undefined;
}

/** The raw `from=` value of a mount as the parse-time pass sees it (last one wins). */
export function rawMountFrom(value: string): string {
  const split = splitCsv(value);
  if (!split.ok) return '';
  const fields = split.value;
  let from = '';
  for (const field of fields) {
    const eq = field.indexOf('=');
    if (eq >= 0 && field.slice(0, eq).toLowerCase() === 'from') from = field.slice(eq + 1);
  }
  return from;
}

export interface MountResult {
  readonly mount?: Mount;
  /** BuildKit's error text. */
  readonly error?: string;
  /** Variables that were unset during expansion. */
  readonly unmatched: readonly string[];
  /** The value with every field value expanded, re-joined with commas. */
  readonly expanded: string;
}

/**
 * Interprets one `--mount` value at evaluation. `expand` expands one field value (BuildKit
 * expands each value before interpreting it) and returns its error text, if any.
 */
export function parseMount(
  value: string,
  expand: (word: string) => { value: string; error?: string; unmatched: readonly string[] },
): MountResult {
  const unmatched: string[] = [];
  const expandedFields: string[] = [];
  const fail = (error: string): MountResult => ({ error, unmatched, expanded: joinCsv(expandedFields) });
  const split = splitCsv(value);
  if (!split.ok) return fail(`failed to parse csv mounts: ${split.error}`);
  const fields = split.value;
  let type: MountType = 'bind';
  let from = '';
  let source = '';
  let target = '';
  let ro = false;
  let roAuto = true;
  let id = '';
  let sharing: MountSharing | undefined;
  let required = false;
  let size: number | undefined;
  let env: string | undefined;
  let mode: number | undefined;
  let uid: number | undefined;
  let gid: number | undefined;
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0) {
      expandedFields.push(field);
      if (key === 'readonly' || key === 'ro') {
        ro = true;
        roAuto = false;
        continue;
      }
      if (key === 'readwrite' || key === 'rw') {
        ro = false;
        roAuto = false;
        continue;
      }
      if (key === 'required') {
        if (type === 'secret' || type === 'ssh') {
          required = true;
          continue;
        }
        return fail(`unexpected key '${key}' for mount type '${type}'`);
      }
      return fail(`invalid field '${field}' must be a key=value pair`);
    }
    const expanded = expand(field.slice(eq + 1));
    unmatched.push(...expanded.unmatched);
    if (expanded.error !== undefined) return fail(expanded.error);
    const v = expanded.value;
    expandedFields.push(`${field.slice(0, eq)}=${v}`);
    switch (key) {
      case 'type': {
        const t = v.toLowerCase();
        if (!(MOUNT_TYPES as readonly string[]).includes(t)) {
          return fail(withSuggestion(`unsupported mount type ${goQuote(v)}`, v, MOUNT_TYPES, true));
        }
        type = t as MountType;
        break;
      }
      case 'from':
        from = v;
        break;
      case 'source':
      case 'src':
        source = v;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        target = v;
        break;
      case 'readonly':
      case 'ro': {
        const b = parseGoBool(v);
        if (b === undefined) return fail(`invalid value for ${key}: ${v}`);
        ro = b;
        roAuto = false;
        break;
      }
      case 'readwrite':
      case 'rw': {
        const b = parseGoBool(v);
        if (b === undefined) return fail(`invalid value for ${key}: ${v}`);
        ro = !b;
        roAuto = false;
        break;
      }
      case 'required': {
        if (type !== 'secret' && type !== 'ssh') return fail(`unexpected key '${key}' for mount type '${type}'`);
        const b = parseGoBool(v);
        if (b === undefined) return fail(`invalid value for ${key}: ${v}`);
        required = b;
        break;
      }
      case 'size': {
        if (type !== 'tmpfs') return fail(`unexpected key '${key}' for mount type '${type}'`);
        const n = ramInBytes(v);
        if (n === undefined) return fail(`invalid value for ${key}: ${v}`);
        size = n;
        break;
      }
      case 'id':
        id = v;
        break;
      case 'sharing': {
        const s = v.toLowerCase();
        if (!(SHARING as readonly string[]).includes(s)) {
          return fail(withSuggestion(`unsupported sharing value ${goQuote(v)}`, v, SHARING, true));
        }
        sharing = s as MountSharing;
        break;
      }
      case 'mode': {
        const n = parseUint(v, 8);
        if (n === undefined) return fail(`invalid value ${v} for mode`);
        mode = n;
        break;
      }
      case 'uid': {
        const n = parseUint(v, 10);
        if (n === undefined) return fail(`invalid value ${v} for uid`);
        uid = n;
        break;
      }
      case 'gid': {
        const n = parseUint(v, 10);
        if (n === undefined) return fail(`invalid value ${v} for gid`);
        gid = n;
        break;
      }
      case 'env':
        env = v;
        break;
      default:
        return fail(withSuggestion(`unexpected key '${key}' in '${field}'`, key, ALL_KEYS, true));
    }
  }
  const fileInfoAllowed = type === 'secret' || type === 'ssh' || type === 'cache';
  if (!fileInfoAllowed) {
    if (mode !== undefined) return fail(`mode not allowed for "${type}" type mounts`);
    if (uid !== undefined) return fail(`uid not allowed for "${type}" type mounts`);
    if (gid !== undefined) return fail(`gid not allowed for "${type}" type mounts`);
  }
  if (roAuto) ro = !(type === 'cache' || type === 'tmpfs');
  if (type === 'secret') {
    if (from !== '') return fail('secret mount should not have a from');
    if (sharing !== undefined) return fail('secret mount should not define sharing');
    if (source === '' && target === '' && id === '') return fail('invalid secret mount. one of source, target required');
    if (source !== '' && id !== '') return fail("both source and id can't be set");
  }
  if (sharing !== undefined && type !== 'cache') return fail(`invalid cache sharing set for ${type} mount`);
  const mount: Mount = {
    type, from, source, target, readonly: ro, id, required,
    ...(sharing !== undefined ? { sharing } : {}),
    ...(size !== undefined ? { size } : {}),
    ...(env !== undefined ? { env } : {}),
    ...(mode !== undefined ? { mode } : {}),
    ...(uid !== undefined ? { uid } : {}),
    ...(gid !== undefined ? { gid } : {}),
  };
  return { mount, unmatched, expanded: joinCsv(expandedFields) };
}

/** Joins fields into one CSV record, quoting those that need it. */
export function joinCsv(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
}

/** Go's strconv.ParseBool. */
export function parseGoBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

function parseUint(v: string, base: 8 | 10): number | undefined {
  const re = base === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!re.test(v)) return undefined;
  const n = parseInt(v, base);
  return n > 0xffffffff ? undefined : n;
}

/** docker/go-units RAMInBytes: `<number>[b|k|m|g|t|p][b|ib]`, binary multiples, case-insensitive. */
function ramInBytes(v: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp])?(i?b)?$/i.exec(v);
  if (m === null) return undefined;
  const units = ' kmgtp';
  const power = m[2] === undefined ? 0 : units.indexOf(m[2].toLowerCase());
  return Math.floor(parseFloat(m[1]) * 1024 ** power);
}
