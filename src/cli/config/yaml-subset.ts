/**
 * The YAML a `.layerwise.yaml` needs, and nothing more: block mappings and sequences by
 * indentation, flow sequences `[a, b]`, plain / 'single' / "double" quoted scalars, comments.
 * Plain `true`/`false` are booleans, `null`/`~` null, integers and decimals numbers, the rest
 * strings. Everything else YAML has (anchors, aliases, tags, block scalars, flow mappings with
 * content, several documents, tabs for indentation) is refused with its line, so a config is
 * never read differently from what its author meant. A YAML library would cost the bundle more
 * than this whole file.
 */

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

export type YamlResult = { readonly ok: true; readonly value: YamlValue } | { readonly ok: false; readonly error: string };

interface Line {
  readonly number: number;
  readonly indent: number;
  /** The content after the indentation, comment removed, trailing spaces trimmed. */
  readonly text: string;
}

class YamlError extends Error {}

function yamlError(line: number, message: string): YamlError {
  return new YamlError(`line ${line}: ${message}`);
}

export function parseYaml(source: string): YamlResult {
  try {
    const lines = significantLines(source);
    if (lines.length === 0) return { ok: true, value: null };
    const parser = new BlockParser(lines);
    const value = parser.block(lines[0].indent);
    if (parser.index < lines.length) {
      const line = lines[parser.index];
      throw yamlError(line.number, 'unexpected indentation');
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof YamlError) return { ok: false, error: error.message };
    throw error;
  }
}

function significantLines(source: string): Line[] {
  const out: Line[] = [];
  const raw = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  raw.forEach((text, i) => {
    const number = i + 1;
    const indentText = /^[ \t]*/.exec(text)![0];
    if (indentText.includes('\t') && text.trim() !== '') throw yamlError(number, 'tabs are not allowed for indentation; use spaces');
    const content = stripComment(text.slice(indentText.length), number).trimEnd();
    if (content === '') return;
    if (number === 1 && content.startsWith('%')) throw yamlError(number, 'YAML directives (%) are not supported');
    if (content === '---') {
      if (out.length > 0) throw yamlError(number, 'only one YAML document is allowed');
      return;
    }
    if (content === '...') throw yamlError(number, 'document end markers (...) are not supported');
    out.push({ number, indent: indentText.length, text: content });
  });
  return out;
}

/** Removes a `#` comment that starts the line or follows a space, outside quotes. */
function stripComment(text: string, line: number): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
    } else if (c === '"' || c === "'") {
      // A quote only opens a quoted scalar at the start of a value.
      if (i === 0 || /[\s:[,-]/.test(text[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      return text.slice(0, i);
    }
  }
  if (quote) throw yamlError(line, `unterminated ${quote === '"' ? 'double' : 'single'}-quoted string`);
  return text;
}

class BlockParser {
  index = 0;
  private readonly lines: readonly Line[];
  constructor(lines: readonly Line[]) {
    this.lines = lines;
  }

  /** A mapping or a sequence whose entries sit at exactly `indent`. */
  block(indent: number): YamlValue {
    const first = this.lines[this.index];
    if (first.text === '-' || first.text.startsWith('- ')) return this.sequence(indent);
    if (mappingKey(first.text) !== undefined) return this.mapping(indent);
    if (this.lines.length === 1) {
      this.index++;
      return scalar(first.text, first.number);
    }
    throw yamlError(first.number, `expected "key: value" or "- item", got ${JSON.stringify(first.text)}`);
  }

  private sequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    while (this.index < this.lines.length) {
      const line = this.lines[this.index];
      if (line.indent < indent) break;
      if (line.indent > indent) throw yamlError(line.number, 'unexpected indentation');
      if (!(line.text === '-' || line.text.startsWith('- '))) break;
      const rest = line.text.slice(1).trim();
      this.index++;
      if (rest === '') items.push(this.nested(indent, line.number));
      else if (mappingKey(rest) !== undefined) throw yamlError(line.number, 'mappings inside a list are not supported here');
      else if (rest.startsWith('- ')) throw yamlError(line.number, 'nested lists are not supported');
      else items.push(inlineValue(rest, line.number));
    }
    return items;
  }

  private mapping(indent: number): { [key: string]: YamlValue } {
    // A null-prototype object, so a key such as `__proto__` is data like any other.
    const map: { [key: string]: YamlValue } = Object.create(null);
    while (this.index < this.lines.length) {
      const line = this.lines[this.index];
      if (line.indent < indent) break;
      if (line.indent > indent) throw yamlError(line.number, 'unexpected indentation');
      const found = mappingKey(line.text);
      if (found === undefined) {
        if (line.text.startsWith('- ') || line.text === '-') break;
        throw yamlError(line.number, `expected "key: value", got ${JSON.stringify(line.text)}`);
      }
      const { key, rest } = found;
      if (Object.hasOwn(map, key)) throw yamlError(line.number, `duplicate key ${JSON.stringify(key)}`);
      this.index++;
      map[key] = rest === '' ? this.nested(indent, line.number, true) : inlineValue(rest, line.number);
    }
    return map;
  }

  /** The block under a `key:` or `-` with nothing after it: deeper lines, or null. */
  private nested(parentIndent: number, line: number, allowSameIndentSequence = false): YamlValue {
    const next = this.lines[this.index];
    if (next === undefined) return null;
    const sequenceHere = allowSameIndentSequence && next.indent === parentIndent && (next.text === '-' || next.text.startsWith('- '));
    if (next.indent <= parentIndent && !sequenceHere) return null;
    if (next.number === line) return null;
    return this.block(next.indent);
  }
}

/** `key: rest` with a plain or quoted key, or undefined when the line is not a mapping entry. */
function mappingKey(text: string): { key: string; rest: string } | undefined {
  if (text.startsWith('? ')) return undefined;
  let key: string;
  let after: number;
  if (text[0] === '"' || text[0] === "'") {
    const end = quotedEnd(text, 0);
    if (end === -1 || text[end + 1] !== ':') return undefined;
    key = unquote(text.slice(0, end + 1), 0);
    after = end + 2;
  } else {
    const match = /^([^\s:#[\]{},&*!|>'"%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)/.exec(text);
    if (!match) return undefined;
    key = match[1];
    after = match[0].length;
  }
  if (after < text.length && !/\s/.test(text[after])) return undefined;
  return { key, rest: text.slice(after).trim() };
}

function quotedEnd(text: string, start: number): number {
  const q = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') i++;
    else if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** A value on the same line as its key or dash: a flow sequence, `{}` or a scalar. */
function inlineValue(text: string, line: number): YamlValue {
  if (text.startsWith('[')) return flowSequence(text, line);
  if (text.startsWith('{')) {
    if (/^\{\s*\}$/.test(text)) return Object.create(null) as { [key: string]: YamlValue };
    throw yamlError(line, 'flow mappings ({a: b}) are not supported; write one "key: value" per line');
  }
  return scalar(text, line);
}

function flowSequence(text: string, line: number): YamlValue[] {
  if (!text.endsWith(']')) throw yamlError(line, 'a [list] must close on the same line');
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const items: YamlValue[] = [];
  let i = 0;
  while (i <= inner.length) {
    while (inner[i] === ' ') i++;
    let end: number;
    if (inner[i] === '"' || inner[i] === "'") {
      const close = quotedEnd(inner, i);
      if (close === -1) throw yamlError(line, 'unterminated string in [list]');
      end = close + 1;
    } else {
      end = inner.indexOf(',', i);
      if (end === -1) end = inner.length;
    }
    const item = inner.slice(i, end).trim();
    if (item === '') throw yamlError(line, 'empty item in [list]');
    if (/^[[{]/.test(item)) throw yamlError(line, 'nested collections in [list] are not supported');
    items.push(scalar(item, line));
    i = end;
    while (inner[i] === ' ') i++;
    if (i >= inner.length) break;
    if (inner[i] !== ',') throw yamlError(line, `expected "," in [list], got ${JSON.stringify(inner.slice(i))}`);
    i++;
  }
  return items;
}

function scalar(text: string, line: number): YamlValue {
  if (text[0] === '"' || text[0] === "'") {
    const end = quotedEnd(text, 0);
    if (end !== text.length - 1) throw yamlError(line, `unexpected text after a quoted string: ${JSON.stringify(text)}`);
    return unquote(text, line);
  }
  const c = text[0];
  if (c === '&' || c === '*') throw yamlError(line, 'anchors and aliases (& and *) are not supported');
  if (c === '!') throw yamlError(line, 'tags (!) are not supported');
  if (c === '|' || c === '>') throw yamlError(line, 'block scalars (| and >) are not supported; write the value on one line');
  if (c === '@' || c === '`' || c === '%') throw yamlError(line, `a plain value cannot start with ${c}; quote it`);
  if (c === '{' || c === '[' || c === ']' || c === '}') throw yamlError(line, `unexpected ${c}`);
  if (/:\s/.test(text)) throw yamlError(line, `unexpected ": " in a value; quote it: ${JSON.stringify(text)}`);
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^(null|Null|NULL|~)$/.test(text)) return null;
  if (/^[-+]?(\d+|\d*\.\d+|\d+\.\d*)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (/^(yes|no|on|off|y|n)$/i.test(text) && !/^off$/.test(text)) {
    // YAML 1.1 read these as booleans, YAML 1.2 as strings: refuse rather than guess.
    throw yamlError(line, `${JSON.stringify(text)} is ambiguous between YAML versions; write true/false, or quote it`);
  }
  return text;
}

function unquote(text: string, line: number): string {
  const body = text.slice(1, -1);
  if (text[0] === "'") return body.replace(/''/g, "'");
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '0':
        return '\0';
      case '"':
      case '\\':
      case '/':
      case ' ':
        return e;
      case 'u':
      case 'x':
        return String.fromCharCode(parseInt(e.slice(1), 16));
      default:
        throw yamlError(line, `unknown escape \\${e} in a double-quoted string`);
    }
  });
}
