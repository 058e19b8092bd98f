/**
 * `--format checkstyle`: Checkstyle's XML report, which reviewdog (`-f=checkstyle`), Jenkins'
 * Warnings plugin and most CI dashboards read: `<checkstyle><file name><error line column
 * severity message source/></file></checkstyle>`. `source` is `layerwise.RULE`.
 */
import { type FileFindings, locate, type RenderOptions } from './findings-json.ts';

/** Attribute text: markup escaped, and the control characters XML 1.0 cannot hold replaced. */
export function xmlAttribute(text: string): string {
  return xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Tab, LF and CR stay (escaped below); the other C0 controls, U+FFFE/U+FFFF and lone surrogates become U+FFFD. */
function xmlChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code < 0xd800) || (code > 0xdfff && code < 0xfffe) || code > 0xffff;
    out += allowed ? ch : '\ufffd';
  }
  return out;
}

export function renderCheckstyle(files: readonly FileFindings[], options: RenderOptions = {}): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const file of files) {
    lines.push(`  <file name="${xmlAttribute(file.file === '-' ? 'stdin' : file.file)}">`);
    for (const f of locate([file], options)) {
      const message = xmlAttribute(`${f.message} (${f.docs})`);
      lines.push(`    <error line="${f.range.start.line}" column="${f.range.start.column}" severity="${f.severity}" message="${message}" source="layerwise.${xmlAttribute(f.rule)}"/>`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n') + '\n';
}
