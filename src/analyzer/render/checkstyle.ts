/**
 * `--format checkstyle`: Checkstyle's XML report, which reviewdog (`-f=checkstyle`), Jenkins'
 * Warnings plugin and most CI dashboards read: `<checkstyle><file name><error line column
 * severity message source/></file></checkstyle>`. `source` is `layerwise.RULE`.
 */
import { type FileFindings, locate, type RenderOptions } from './findings-json.ts';

/** Attribute text: markup escaped, and the control characters XML 1.0 cannot hold replaced. */
export function xmlAttribute(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
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
