/**
 * Reads the JavaScript literals MDX authors write in JSX attributes (`{{ V: '2' }}`,
 * `{['base:alpine']}`, `{false}`, `` {`FROM alpine`} ``) without evaluating code: objects,
 * arrays, strings, template literals without substitutions, numbers, booleans, null.
 * Throws a SyntaxError naming the offset on anything else.
 */
export function parseLiteral(text: string): unknown {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at offset ${i} in ${JSON.stringify(text.slice(0, 80))}`);
  };
  const skip = () => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i])) i++;
      if (text.startsWith('//', i)) {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (text.startsWith('/*', i)) {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? text.length : end + 2;
      } else return;
    }
  };
  const string = (): string => {
    const quote = text[i++];
    let out = '';
    while (i < text.length && text[i] !== quote) {
      let ch = text[i++];
      if (quote === '`' && ch === '$' && text[i] === '{') fail('template substitution');
      if (ch === '\\') {
        const esc = text[i++];
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v' };
        if (esc === 'u') {
          const hex = text[i] === '{' ? text.slice(i + 1, text.indexOf('}', i)) : text.slice(i, i + 4);
          i += text[i] === '{' ? hex.length + 2 : 4;
          ch = String.fromCodePoint(parseInt(hex, 16));
        } else if (esc === 'x') {
          ch = String.fromCharCode(parseInt(text.slice(i, i + 2), 16));
          i += 2;
        } else if (esc === '\n') ch = '';
        else ch = map[esc] ?? esc;
      }
      out += ch;
    }
    if (text[i] !== quote) fail('unterminated string');
    i++;
    return out;
  };
  const value = (): unknown => {
    skip();
    const ch = text[i];
    if (ch === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      for (;;) {
        skip();
        if (text[i] === '}') {
          i++;
          return obj;
        }
        let key: string;
        if (text[i] === '"' || text[i] === "'") key = string();
        else {
          const m = /^[A-Za-z_$][\w$]*/.exec(text.slice(i));
          if (!m) fail('expected a key');
          key = m![0];
          i += key.length;
        }
        skip();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        obj[key] = value();
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail('expected "," or "}"');
      }
    }
    if (ch === '[') {
      i++;
      const arr: unknown[] = [];
      for (;;) {
        skip();
        if (text[i] === ']') {
          i++;
          return arr;
        }
        arr.push(value());
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== ']') fail('expected "," or "]"');
      }
    }
    if (ch === '"' || ch === "'" || ch === '`') return string();
    const m = /^(?:-?\d+(?:\.\d+)?|true|false|null)\b/.exec(text.slice(i));
    if (!m) fail('unsupported expression');
    i += m![0].length;
    return m![0] === 'true' ? true : m![0] === 'false' ? false : m![0] === 'null' ? null : Number(m![0]);
  };
  const result = value();
  skip();
  if (i !== text.length) fail('unexpected text');
  return result;
}
