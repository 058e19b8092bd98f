import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { MEMO_MARK, memoizeMermaidConfig, mermaidConfigMemo, REWRITE_NAMES } from '../../../src/integrations/mermaid-config-memo.ts';

// The chunk of Mermaid's `mermaid.core.mjs` (what `import('mermaid')` bundles) that defines getConfig.
const coreDir = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist/chunks/mermaid.core');
const core = readFileSync(join(coreDir, '../../mermaid.core.mjs'), 'utf8');
const chunks = readdirSync(coreDir)
  .filter((f) => f.endsWith('.mjs'))
  .map((f) => ({ file: f, code: readFileSync(join(coreDir, f), 'utf8') }))
  .filter((c) => c.code.includes('var getConfig = '));

/** Mermaid's own `assignWithDepth` and `getConfig`, cut from the installed chunk. */
function cut(code: string, name: string): string {
  const start = code.indexOf(`var ${name} = `);
  const end = code.indexOf(`}, "${name}");`, start);
  expect(start, name).toBeGreaterThanOrEqual(0);
  expect(end, name).toBeGreaterThan(start);
  return code.slice(start, end + `}, "${name}");`.length);
}

/** Mermaid's getConfig with its real copy function, around a `currentConfig` the test can replace. */
function harness(patch: boolean) {
  const code = chunks[0].code;
  const module = [
    "'use strict';",
    'const __name = (f) => f;',
    cut(code, 'assignWithDepth'),
    'var assignWithDepth_default = assignWithDepth;',
    'var currentConfig;',
    cut(code, 'getConfig'),
    'return { getConfig, set: (c) => { currentConfig = c; }, copy: (c) => assignWithDepth_default({}, c) };',
  ].join('\n');
  const body = patch ? memoizeMermaidConfig(module)!.code : module;
  return new Function(body)() as { getConfig(): Record<string, unknown>; set(c: unknown): void; copy(c: unknown): unknown };
}

const config = () => ({ theme: 'default', secure: ['secure'], flowchart: { useMaxWidth: true, padding: { x: 1, deeper: { y: 2 } } }, themeVariables: { fontSize: '16px' } });

describe('memoizeMermaidConfig', () => {
  it('finds getConfig in one chunk of the installed Mermaid, patches it once, and the output parses', () => {
    expect(chunks.map((c) => c.file)).toHaveLength(1);
    const out = memoizeMermaidConfig(chunks[0].code)!;
    expect(out.applied).toEqual(['getConfig', 'sanitizeText plain text']);
    expect(out.code).toContain(MEMO_MARK);
    expect(out.code).not.toContain('return assignWithDepth_default({}, currentConfig);');
    expect(() => transformSync(out.code, { format: 'esm', loader: 'js' })).not.toThrow();
  });

  it("gives the diagram's init, which writes to its configuration, a copy of its own (and the output parses)", () => {
    const out = memoizeMermaidConfig(core)!;
    expect(out.applied).toEqual(['Diagram.fromText init']);
    expect(out.code).toMatch(/init\d*\?\.\(assignWithDepth_default\(\{\}, config\)\);/);
    expect(() => transformSync(out.code, { format: 'esm', loader: 'js' })).not.toThrow();
  });

  it('every rewrite applies to the installed Mermaid', () => {
    const applied = [...chunks.map((c) => c.code), core].flatMap((code) => memoizeMermaidConfig(code)?.applied ?? []);
    expect(applied.sort()).toEqual([...REWRITE_NAMES].sort());
  });

  it('leaves a module without getConfig alone', () => {
    expect(memoizeMermaidConfig('export const x = 1;')).toBeUndefined();
  });

  it('fails with a clear message when getConfig is not the one it knows (a Mermaid upgrade)', () => {
    const changed = 'var getConfig = /* @__PURE__ */ __name(() => {\n  return structuredClone(currentConfig);\n}, "getConfig");';
    expect(() => memoizeMermaidConfig(changed)).toThrow(/getConfig is not the code this patch knows.*Mermaid was probably upgraded/);
    expect(() => memoizeMermaidConfig('class D { static async fromText(t) { init(config, 1); } }')).toThrow(/fromText init is not the code/);
  });

  it('returns one copy per configuration, equal to what Mermaid copies, rebuilt when the configuration is replaced', () => {
    const memo = harness(true);
    const plain = harness(false);
    const first = config();
    memo.set(first);
    plain.set(first);
    const a = memo.getConfig();
    expect(memo.getConfig()).toBe(a);
    expect(a).toEqual(plain.getConfig());
    expect(plain.getConfig()).not.toBe(plain.getConfig());
    memo.set({ ...config(), theme: 'dark' });
    const b = memo.getConfig();
    expect(b).not.toBe(a);
    expect(b.theme).toBe('dark');
  });

  it('freezes the copy as deep as the copy goes, and no deeper (those objects are Mermaid’s own)', () => {
    const memo = harness(true);
    const source = config();
    memo.set(source);
    const c = memo.getConfig() as ReturnType<typeof config>;
    expect([Object.isFrozen(c), Object.isFrozen(c.flowchart), Object.isFrozen(c.flowchart.padding), Object.isFrozen(c.secure)]).toEqual([true, true, true, true]);
    // The fourth level is shared with Mermaid's configuration by the copy itself: not frozen.
    expect(c.flowchart.padding.deeper).toBe(source.flowchart.padding.deeper);
    expect(Object.isFrozen(source.flowchart.padding.deeper)).toBe(false);
    expect(Object.isFrozen(source.flowchart)).toBe(false);
    // Modules are strict: writing to a frozen object throws.
    expect(() => {
      (c.flowchart as { useMaxWidth: boolean }).useMaxWidth = false;
    }).toThrow(TypeError);
  });
});

describe('sanitizeText, patched', () => {
  /** Mermaid's sanitizeText around a DOMPurify that counts its calls. */
  function sanitizer(patch: boolean) {
    const module = [
      "'use strict';",
      'const __name = (f) => f;',
      'let calls = 0;',
      'const DOMPurify = { sanitize: (t) => { calls++; return t.replace(/<script>.*?<\\/script>/g, ""); } };',
      'const sanitizeMore = (t) => DOMPurify.sanitize(t);',
      'var removeScript = 1;',
      cut(chunks[0].code, 'sanitizeText'),
      'return { sanitizeText, calls: () => calls };',
    ].join('\n');
    return new Function(patch ? memoizeMermaidConfig(module)!.code : module)() as { sanitizeText(t: unknown, c: object): unknown; calls(): number };
  }

  it('gives a label without `<` back without calling DOMPurify, in strict mode', () => {
    const s = sanitizer(true);
    expect(s.sanitizeText('[1/5] RUN a && b > c', { securityLevel: 'strict' })).toBe('[1/5] RUN a && b > c');
    expect(s.calls()).toBe(0);
  });

  it('still sanitizes markup, a dompurifyConfig, and other security levels, as before', () => {
    const s = sanitizer(true);
    expect(s.sanitizeText('a<script>x</script>b', { securityLevel: 'strict' })).toBe('ab');
    expect(s.calls()).toBe(2);
    s.sanitizeText('plain', { securityLevel: 'strict', dompurifyConfig: { SAFE_FOR_TEMPLATES: true } });
    s.sanitizeText('plain', { securityLevel: 'custom' });
    expect(s.calls()).toBe(6);
  });

  it('returns what the unpatched function returns', () => {
    const [a, b] = [sanitizer(true), sanitizer(false)];
    for (const text of ['', 'x', 'a<script>1</script>', '&amp; #91;1#93;']) expect(a.sanitizeText(text, { securityLevel: 'strict' })).toBe(b.sanitizeText(text, { securityLevel: 'strict' }));
  });
});

describe('mermaidConfigMemo (the Vite plugin)', () => {
  type Hooks = {
    buildStart(): void;
    transform(this: { error(m: string): never }, code: string, id: string): { code: string } | null;
    buildEnd(this: { error(m: string): never }, error?: Error): void;
  };
  const ctx = { error: (m: string): never => { throw new Error(m); } };
  const id = join(coreDir, chunks[0]?.file ?? '');

  it("patches Mermaid's modules and nothing else", () => {
    const plugin = mermaidConfigMemo() as unknown as Hooks;
    plugin.buildStart();
    expect(plugin.transform.call(ctx, 'var getConfig = 1;', '/src/other.ts')).toBeNull();
    expect(plugin.transform.call(ctx, chunks[0].code, `${id}?v=123`)?.code).toContain(MEMO_MARK);
    expect(plugin.transform.call(ctx, core, join(coreDir, '../../mermaid.core.mjs'))?.code).toContain('assignWithDepth_default({}, config)');
    expect(() => plugin.buildEnd.call(ctx)).not.toThrow();
  });

  it('fails the build when Mermaid was bundled but a rewrite did not apply', () => {
    const plugin = mermaidConfigMemo() as unknown as Hooks;
    plugin.buildStart();
    plugin.transform.call(ctx, chunks[0].code, id);
    plugin.transform.call(ctx, 'export default {};', join(coreDir, '../../mermaid.core.mjs'));
    expect(() => plugin.buildEnd.call(ctx)).toThrow(/not patched \(Diagram.fromText init not found/);
  });

  it('fails the build on a module in a shape it does not know', () => {
    const plugin = mermaidConfigMemo() as unknown as Hooks;
    plugin.buildStart();
    expect(() => plugin.transform.call(ctx, 'var getConfig = () => structuredClone(currentConfig);', id)).toThrow(/Mermaid was probably upgraded/);
  });

  it('says nothing when the build did not load Mermaid', () => {
    const plugin = mermaidConfigMemo() as unknown as Hooks;
    plugin.buildStart();
    expect(() => plugin.buildEnd.call(ctx)).not.toThrow();
  });
});
