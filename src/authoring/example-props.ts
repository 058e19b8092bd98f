/**
 * `<LiveExample>` props, in one place: the type the Astro component takes, the mapping from
 * props to an `ExampleSpec` (used by the component at build time and by the example-facts
 * test), and a reader that finds every `<LiveExample …>` in an MDX page without running it.
 */
import type { ExampleFacts, ExampleSpec } from './example-facts.ts';
import { parseLiteral } from './js-literal.ts';
import { linkVariant } from '../live/model/link-variant.ts';

export interface LiveExampleProps {
  /** Stable id: session storage key and, unless `anchor` is given, anchor (`#example-<id>`). */
  readonly id: string;
  /** The example's anchor when not `example-<id>` (rule pages: `bad`, `good-2`). */
  readonly anchor?: string;
  /** Older anchors that must keep leading to the example (permanent links). */
  readonly aliases?: readonly string[];
  readonly title?: string;
  /** The Dockerfile text, or `file`: a name in `content/examples/`. */
  readonly code?: string;
  readonly file?: string;
  /** Second Dockerfile for compare mode; `"link"` compares the file with and without `--link`. */
  readonly compare?: string;
  readonly compareFile?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly dockerignore?: string;
  /** Builder supports MergeOp (default true). */
  readonly mergeOp?: boolean;
  /** Preset changes for "what rebuilds if…", in the CLI's syntax. */
  readonly simulate?: readonly string[];
  readonly expect?: ExampleFacts;
  readonly expectCompare?: ExampleFacts;
  /** Pane captions (default: "Dockerfile" / "Compare"; "plain COPY" / "COPY --link" for `compare="link"`). */
  readonly label?: string;
  readonly compareLabel?: string;
  /** Full-width playground mode: starter picker, fragment follows edits. */
  readonly playground?: boolean;
}

export interface ResolvedExample extends ExampleSpec {
  readonly id: string;
  readonly title?: string;
  readonly label: string;
  readonly compareLabel?: string;
}

/** Removes one leading newline and the indentation common to all lines (authors indent inside JSX). */
export function tidyCode(code: string): string {
  const text = code.replace(/^\r?\n/, '');
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  const out = cut ? lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length))).join('\n') : text;
  return out.replace(/\s+$/, '') + '\n';
}

export function toExampleSpec(props: LiveExampleProps, readExample: (name: string) => string): ResolvedExample {
  const code = tidyCode(props.code ?? (props.file ? readExample(props.file) : ''));
  const linkPair = props.compare === 'link';
  let compare: string | undefined;
  if (linkPair) compare = linkVariant(code);
  else if (props.compare !== undefined) compare = tidyCode(props.compare);
  else if (props.compareFile) compare = tidyCode(readExample(props.compareFile));
  const withLinkFirst = linkPair && /--link/.test(code);
  return {
    id: props.id,
    title: props.title,
    code,
    compare,
    buildArgs: props.buildArgs,
    target: props.target,
    dockerignore: props.dockerignore,
    mergeOp: props.mergeOp,
    simulate: props.simulate,
    expect: props.expect,
    expectCompare: props.expectCompare,
    label: props.label ?? (linkPair ? (withLinkFirst ? 'COPY --link' : 'plain COPY') : 'Dockerfile'),
    compareLabel: compare === undefined ? undefined : (props.compareLabel ?? (linkPair ? (withLinkFirst ? 'plain COPY' : 'COPY --link') : 'Compare')),
  };
}

export interface FoundExample {
  /** 1-based line of `<LiveExample` in the page. */
  readonly line: number;
  readonly props: LiveExampleProps;
}

/**
 * Every `<LiveExample …>` tag in an MDX text, with its attributes read as literals:
 * `a="…"`, `a='…'`, `` a={`…`} ``, `a={{ … }}`, `a={[…]}`, `a={false}`, bare `a` (true).
 * Throws with the line number when an attribute is not a literal.
 */
export function findLiveExamples(mdx: string): FoundExample[] {
  const found: FoundExample[] = [];
  const tag = /<LiveExample(?=[\s/>])/g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(mdx))) {
    const line = mdx.slice(0, m.index).split('\n').length;
    let i = m.index + m[0].length;
    const props: Record<string, unknown> = {};
    const fail = (why: string): never => {
      throw new SyntaxError(`<LiveExample> on line ${line}: ${why}`);
    };
    for (;;) {
      while (/\s/.test(mdx[i] ?? '')) i++;
      if (i >= mdx.length) fail('unterminated tag');
      if (mdx.startsWith('/>', i) || mdx[i] === '>') break;
      const name = /^[A-Za-z_][\w-]*/.exec(mdx.slice(i))?.[0] ?? fail(`unexpected ${JSON.stringify(mdx[i])}`);
      i += name.length;
      while (/[ \t]/.test(mdx[i] ?? '')) i++;
      if (mdx[i] !== '=') {
        props[name] = true;
        continue;
      }
      i++;
      while (/\s/.test(mdx[i] ?? '')) i++;
      const q = mdx[i];
      if (q === '"' || q === "'") {
        const end = mdx.indexOf(q, i + 1);
        if (end < 0) fail(`unterminated ${name}`);
        props[name] = mdx.slice(i + 1, end);
        i = end + 1;
      } else if (q === '{') {
        const end = matchBrace(mdx, i);
        if (end < 0) fail(`unterminated {…} in ${name}`);
        try {
          props[name] = parseLiteral(mdx.slice(i + 1, end));
        } catch (error) {
          fail(`${name}: ${(error as Error).message}`);
        }
        i = end + 1;
      } else fail(`attribute ${name} has no value`);
    }
    if (typeof props.id !== 'string') fail('missing id');
    found.push({ line, props: props as unknown as LiveExampleProps });
    tag.lastIndex = i;
  }
  return found;
}

/** Index of the `}` closing the `{` at `open`, skipping strings, templates and comments. */
function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) return -1;
      i++;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}
