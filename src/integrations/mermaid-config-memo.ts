/**
 * Mermaid's `getConfig()` returns a fresh copy of its whole configuration (every diagram
 * type's defaults and the theme's variables, about 24 KB) on every call, and drawing one
 * flowchart calls it hundreds of times: about half of each redraw went into those copies.
 * This Vite plugin rewrites that one function in Mermaid's bundle so that it returns one copy
 * per configuration: the copy is rebuilt whenever Mermaid replaces its configuration (every
 * `initialize`, render and directive assigns a new object), and it is frozen as deep as the
 * copy goes, so a caller that tried to change it would throw (Mermaid's modules are strict)
 * instead of silently sharing the change with the next caller. Deeper objects were already
 * shared between the copies and Mermaid's own configuration; they are left as they were.
 * The one caller that writes to its copy (a diagram type's `init`) gets a copy of its own.
 * A third rewrite lets a label without `<` skip DOMPurify, which gives such text back as it
 * is anyway, after re-reading its configuration (the identity test checks every drawing).
 *
 * The build's drawings (static-graphs.ts) use Mermaid's unpatched UMD bundle;
 * tests/e2e/mermaid-config-memo.spec.ts checks that both draw the same SVG.
 */
import type { Plugin } from 'vite';

/** Marks the patched getConfig (and lets tests find the patch). */
export const MEMO_MARK = 'layerwise: one frozen copy per configuration';

interface Rewrite {
  readonly name: string;
  /** Text that only the module to rewrite contains. */
  readonly module: string;
  /** What to replace: exactly one match in that module. */
  readonly pattern: RegExp;
  readonly replacement: string;
}

const REWRITES: readonly Rewrite[] = [
  {
    // `assignWithDepth({}, x)` copies to depth 2: the top object, its objects, and theirs (the
    // last level with Object.assign); anything deeper is shared with `currentConfig` already.
    name: 'getConfig',
    module: 'var getConfig = ',
    pattern: /var getConfig = \/\* @__PURE__ \*\/ __name\(\(\) => \{\s*return assignWithDepth_default\(\{\}, currentConfig\);\s*\}, "getConfig"\);/,
    replacement: `var getConfig = /* @__PURE__ */ __name(() => {
  // ${MEMO_MARK} (src/integrations/mermaid-config-memo.ts)
  if (lwConfigOf !== currentConfig) {
    lwConfig = lwFreezeCopy(assignWithDepth_default({}, currentConfig), 2);
    lwConfigOf = currentConfig;
  }
  return lwConfig;
}, "getConfig");
var lwConfigOf, lwConfig;
function lwFreezeCopy(value, depth) {
  if (depth > 0) for (const key of Object.keys(value)) if (typeof value[key] === "object" && value[key] !== null) lwFreezeCopy(value[key], depth - 1);
  return Object.freeze(value);
}`,
  },
  {
    // The one caller that writes to its copy: a diagram type's `init` (the flowchart's sets
    // `flowchart.arrowMarkerAbsolute`, then replaces the configuration). It gets a copy of its
    // own, as before; the rest of `fromText` only reads.
    name: 'Diagram.fromText init',
    module: 'static async fromText(',
    pattern: /\b(init\d*)\?\.\(config\);/,
    replacement: '$1?.(assignWithDepth_default({}, config));',
  },
  {
    // Every label goes through DOMPurify twice (strict mode), and each call first re-reads its
    // configuration, then hands a string without `<` back as it is (its own shortcut): a fifth
    // of a small drawing's time. Such a label now skips both calls, where DOMPurify would take
    // that shortcut (no `dompurifyConfig`, which could ask for more) and the security level
    // only strips scripts.
    name: 'sanitizeText plain text',
    module: 'var removeScript = ',
    pattern: /var sanitizeText = \/\* @__PURE__ \*\/ __name\(\((\w+), (\w+)\) => \{/,
    replacement: `var lwScriptOnlyLevels = ["strict", "antiscript", "sandbox", "loose"];
var sanitizeText = /* @__PURE__ */ __name(($1, $2) => {
  if (typeof $1 === "string" && !$1.includes("<") && !$2.dompurifyConfig && lwScriptOnlyLevels.includes($2.securityLevel)) return $1;`,
  },
];

/** The names of the rewrites a Mermaid build needs, all of which must apply. */
export const REWRITE_NAMES: readonly string[] = REWRITES.map((r) => r.name);

/**
 * `code` with the rewrites whose module it is applied, and their names; undefined when it is
 * none of those modules. Throws when it is one but the code is not in the shape this patch
 * knows (a Mermaid upgrade).
 */
export function memoizeMermaidConfig(code: string): { code: string; applied: string[] } | undefined {
  const applied: string[] = [];
  for (const rewrite of REWRITES) {
    if (!code.includes(rewrite.module)) continue;
    const matches = code.match(new RegExp(rewrite.pattern.source, 'g')) ?? [];
    if (matches.length !== 1) {
      throw new Error(
        `mermaid-config-memo: Mermaid's ${rewrite.name} is not the code this patch knows (${matches.length} matches of ${rewrite.pattern}). ` +
          'Mermaid was probably upgraded: check whether getConfig() still copies its configuration on every call, then update or remove src/integrations/mermaid-config-memo.ts.',
      );
    }
    const replacement = rewrite.replacement;
    code = code.replace(rewrite.pattern, (...m: string[]) => replacement.replace(/\$([12])/g, (_, i: string) => m[Number(i)] ?? ''));
    applied.push(rewrite.name);
  }
  return applied.length ? { code, applied } : undefined;
}

/** Mermaid's own bundle files (not its dependencies), whatever query Vite adds. */
const isMermaidDist = (id: string) => /[\\/]node_modules[\\/]mermaid[\\/]dist[\\/][^?]*\.mjs(?:\?|$)/.test(id);

/**
 * The plugin, for Vite's build and (as a rolldown plugin) for the dev server's pre-bundling of
 * dependencies. A build that loads Mermaid without patching it fails.
 */
export function mermaidConfigMemo(): Plugin {
  let sawMermaid = false;
  const applied = new Set<string>();
  return {
    name: 'layerwise:mermaid-config-memo',
    buildStart() {
      sawMermaid = false;
      applied.clear();
    },
    transform(code, id) {
      if (!isMermaidDist(id)) return null;
      sawMermaid = true;
      let out: ReturnType<typeof memoizeMermaidConfig>;
      try {
        out = memoizeMermaidConfig(code);
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error));
      }
      if (out === undefined) return null;
      for (const name of out.applied) applied.add(name);
      return { code: out.code, map: null };
    },
    buildEnd(error) {
      const missing = REWRITE_NAMES.filter((name) => !applied.has(name));
      if (error || !sawMermaid || !missing.length) return;
      this.error(
        `mermaid-config-memo: Mermaid was bundled but not patched (${missing.join(', ')} not found: a Mermaid upgrade?). Update or remove src/integrations/mermaid-config-memo.ts.`,
      );
    },
  };
}
