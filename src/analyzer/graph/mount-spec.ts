/**
 * Reads an (already expanded) `RUN --mount` value into the fields lowering needs. Lenient on
 * purpose: the instruction layer reports malformed mounts with BuildKit's messages.
 */
export interface MountSpec {
  readonly type: 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
  readonly from?: string;
  readonly source?: string;
  readonly target?: string;
  readonly readonly: boolean;
  readonly id?: string;
  readonly sharing?: string;
  readonly uid?: number;
  readonly gid?: number;
  readonly mode?: number;
  readonly required: boolean;
  readonly env?: string;
}

/** Splits a CSV record as Go's encoding/csv does (double quotes group, `""` escapes a quote). */
export function splitCsv(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

function parseBool(v: string | undefined): boolean {
  if (v === undefined) return true;
  return ['1', 't', 'true'].includes(v.toLowerCase());
}

export function parseMountSpec(raw: string): MountSpec {
  let type: MountSpec['type'] = 'bind';
  let ro: boolean | undefined;
  const out: { -readonly [K in keyof MountSpec]?: MountSpec[K] } = {};
  for (const field of splitCsv(raw)) {
    const eq = field.indexOf('=');
    const key = (eq === -1 ? field : field.slice(0, eq)).trim().toLowerCase();
    const value = eq === -1 ? undefined : field.slice(eq + 1);
    switch (key) {
      case 'type': {
        const t = (value ?? '').toLowerCase();
        if (t === 'bind' || t === 'cache' || t === 'tmpfs' || t === 'secret' || t === 'ssh') type = t;
        break;
      }
      case 'from':
        out.from = value;
        break;
      case 'source':
      case 'src':
        out.source = value;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        out.target = value;
        break;
      case 'readonly':
      case 'ro':
        ro = parseBool(value);
        break;
      case 'readwrite':
      case 'rw':
        ro = !parseBool(value);
        break;
      case 'id':
        out.id = value;
        break;
      case 'sharing':
        out.sharing = value?.toLowerCase();
        break;
      case 'uid':
        out.uid = Number.parseInt(value ?? '', 10);
        break;
      case 'gid':
        out.gid = Number.parseInt(value ?? '', 10);
        break;
      case 'mode':
        out.mode = Number.parseInt(value ?? '', 8);
        break;
      case 'required':
        out.required = parseBool(value);
        break;
      case 'env':
        out.env = value;
        break;
      default:
        break;
    }
  }
  const readonlyDefault = type === 'bind' || type === 'secret' || type === 'ssh';
  return { ...out, type, readonly: ro ?? readonlyDefault, required: out.required ?? false };
}
