/**
 * `--format github`: GitHub Actions workflow commands, one per finding
 * (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), which the runner
 * turns into annotations on the pull request. Levels: error, warning, notice (for info).
 * Values are escaped as the runner's toolkit escapes them: `%`, CR and LF everywhere, and `:`
 * and `,` inside properties.
 */
import { type FileFindings, locate, type RenderOptions } from './findings-json.ts';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithub(files: readonly FileFindings[], options: RenderOptions = {}): string {
  return locate(files, options)
    .map((f) => {
      const { start, end } = f.range;
      const properties = [
        `file=${escapeProperty(f.file === '-' ? 'stdin' : f.file)}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(`${f.rule} (layerwise)`)}`,
      ];
      return `::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(`${f.message} (${f.docs})`)}\n`;
    })
    .join('');
}
