/** `layerwise --help` and `layerwise COMMAND --help`, generated from the commands' option tables. */
import type { OptionDef } from './args.ts';
import type { Command } from './command.ts';

export function globalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'layerwise: what BuildKit really does with a Dockerfile',
    '',
    'Usage:',
    ...commands.map((c) => `  layerwise ${c.name.padEnd(width)} [options] ${c.operands}`),
    '  layerwise --version',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `layerwise COMMAND --help` for its options, defaults and examples.',
    '',
    'Exit status: 0 success, 1 findings at the fail level (lint) or a Dockerfile BuildKit would',
    'refuse (ast, graph, simulate), 2 usage error or unreadable file.',
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const entries = Object.entries(command.options).map(([name, def]) => [optionLabel(name, def), def] as const);
  entries.push(['-h, --help', { kind: 'boolean', help: 'Print this help.' }]);
  const lines = [`layerwise ${command.name}: ${command.summary}`, '', `Usage: layerwise ${command.name} [options] ${command.operands}`, '', 'Options:'];
  for (const [label, def] of entries) {
    lines.push(`  ${label}`, `      ${def.help}`);
    const facts = [...(def.default !== undefined ? [`default: ${def.default}`] : []), ...(def.example !== undefined ? [`example: ${def.example}`] : [])];
    if (facts.length) lines.push(`      (${facts.join('; ')})`);
  }
  for (const note of command.notes ?? []) lines.push('', note);
  lines.push('', 'Examples:', ...command.examples.map((e) => `  ${e}`), '', `Exit status: ${command.exitStatus}`, '');
  return lines.join('\n');
}

function optionLabel(name: string, def: OptionDef): string {
  return def.kind === 'boolean' ? `--${name}` : `--${name} ${def.value ?? 'VALUE'}`;
}
