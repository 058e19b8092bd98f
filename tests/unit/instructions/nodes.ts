/**
 * Hand-built syntax trees for instruction-layer tests: each line is one instruction, split
 * the simple way (keyword, leading `--flags`, whitespace-separated arguments; ENV/LABEL as
 * `k=v` triples; RUN/CMD/ENTRYPOINT/SHELL raw or JSON; USER/WORKDIR/… one argument).
 * Spans are real offsets into the joined text, so diagnostics can be checked by position.
 */
import type { Heredoc, InstructionNode, SyntaxTree, Word } from '../../../src/analyzer/parse/tree.ts';

const RAW = new Set(['run', 'cmd', 'entrypoint', 'shell']);
const ONE = new Set(['user', 'workdir', 'maintainer', 'stopsignal']);

export interface NodeExtras {
  readonly heredocs?: readonly Heredoc[];
}

export function lineNode(text: string, offset = 0, line = 1, extras: NodeExtras = {}): InstructionNode {
  const words: Word[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) words.push({ value: m[0], span: { start: offset + m.index, end: offset + m.index + m[0].length } });
  const keywordWord = words[0] ?? { value: '', span: { start: offset, end: offset } };
  const command = keywordWord.value.toLowerCase();
  let i = 1;
  const flags: Word[] = [];
  while (i < words.length && words[i].value.startsWith('--')) {
    if (words[i].value === '--') {
      i++;
      break;
    }
    flags.push(words[i++]);
  }
  const rest = words.slice(i);
  const restStart = rest[0]?.span.start ?? offset + text.length;
  const restText = text.slice(restStart - offset);
  const restWord: Word = { value: restText, span: { start: restStart, end: offset + text.length } };
  let args: Word[] = rest;
  let json = false;
  let trigger: InstructionNode | undefined;
  if (RAW.has(command) || command === 'healthcheck') {
    const body = command === 'healthcheck' ? restText.replace(/^\S+\s*/, '') : restText;
    const bodyStart = offset + text.length - body.length;
    let parsed: unknown;
    try {
      parsed = body.trim().startsWith('[') ? JSON.parse(body) : undefined;
    } catch {
      parsed = undefined;
    }
    const head = command === 'healthcheck' && rest[0] !== undefined ? [rest[0]] : [];
    if (Array.isArray(parsed) && parsed.every((e) => typeof e === 'string')) {
      json = true;
      args = [...head, ...parsed.map((v: string) => ({ value: v, span: { start: bodyStart, end: offset + text.length } }))];
    } else {
      args = body === '' ? head : [...head, { value: body, span: { start: bodyStart, end: offset + text.length } }];
    }
  } else if (ONE.has(command)) {
    args = rest.length > 0 ? [restWord] : [];
  } else if (command === 'env' || command === 'label') {
    args = [];
    if (rest.length > 0 && !rest[0].value.includes('=')) {
      const key = rest[0];
      const value = text.slice(rest[1]?.span.start !== undefined ? rest[1].span.start - offset : text.length);
      args = [key, { value, span: { start: rest[1]?.span.start ?? key.span.end, end: offset + text.length } }, { value: '', span: key.span }];
    } else {
      for (const w of rest) {
        const eq = w.value.indexOf('=');
        args.push(
          { value: w.value.slice(0, eq), span: { start: w.span.start, end: w.span.start + eq } },
          { value: w.value.slice(eq + 1), span: { start: w.span.start + eq + 1, end: w.span.end } },
          { value: '=', span: w.span },
        );
      }
    }
  } else if (command === 'onbuild') {
    args = [];
    if (rest.length > 0) {
      trigger = lineNode(restText, restStart, line);
    }
  }
  return {
    keyword: keywordWord.value,
    command,
    keywordSpan: keywordWord.span,
    flags,
    args,
    json,
    original: text,
    heredocs: extras.heredocs ?? [],
    comments: [],
    ...(trigger !== undefined ? { trigger } : {}),
    startLine: line,
    endLine: line,
    span: { start: offset, end: offset + text.length },
    emptyContinuation: false,
  };
}

/** A tree with one instruction per line (blank lines skipped). */
export function tree(source: string, escape: '\\' | '`' = '\\'): SyntaxTree {
  const instructions: InstructionNode[] = [];
  let offset = 0;
  source.split('\n').forEach((text, i) => {
    if (text.trim() !== '') instructions.push(lineNode(text, offset, i + 1));
    offset += text.length + 1;
  });
  return { source, directives: [], escape, instructions, diagnostics: [] };
}
