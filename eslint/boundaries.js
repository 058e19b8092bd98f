// Layerwise's architecture as lint rules: who may import whom, and how files are named.
// Each rule resolves an import against the importing file, so a boundary holds however deep
// the relative path is. The layer table lives in eslint.config.js, beside the globs it serves.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const rel = (file) => path.relative(root, file).split(path.sep).join('/');

/** The first area (longest prefix wins) that holds a repo-relative path. */
function areaOf(file, areas) {
  let best;
  for (const area of areas) {
    const prefixes = Array.isArray(area.path) ? area.path : [area.path];
    for (const prefix of prefixes) {
      if ((file === prefix || file.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) && (!best || prefix.length > best.len)) {
        best = { area, len: prefix.length };
      }
    }
  }
  return best?.area;
}

/** Every import, re-export and dynamic import() of a module, with its node for reporting. */
function onImport(check) {
  const visit = (node) => node.source && typeof node.source.value === 'string' && check(node.source.value, node);
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

/**
 * options: { areas: [{ name, path, rank?, may?: [area names], packages?: boolean, node?: boolean }] }
 * - A relative import must stay inside the file's own area, or reach an area listed in `may`,
 *   or (for ranked areas, the analyzer's pipeline stages) an area of a lower rank.
 * - `packages: false` forbids bare package imports; `node: false` forbids `node:` modules.
 */
/** @type {import('eslint').Rule.RuleModule} */
const imports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the one direction of data: each area imports only what it may.' },
    schema: [{ type: 'object', additionalProperties: true }],
    messages: {
      area: '{{from}} may not import {{to}} ({{why}}).',
      node: '{{from}} is pure: no `node:` modules (only the CLI and the build touch the machine).',
      pkg: '{{from}} imports no packages: "{{spec}}".',
    },
  },
  create(context) {
    const { areas } = context.options[0];
    const file = rel(context.filename);
    const from = areaOf(file, areas);
    if (!from) return {};
    return onImport((spec, node) => {
      if (spec.startsWith('node:')) {
        if (from.node === false) context.report({ node, messageId: 'node', data: { from: from.name } });
        return;
      }
      if (!spec.startsWith('.')) {
        const allowed = from.packages;
        if (allowed === false || (Array.isArray(allowed) && !allowed.some((p) => spec === p || spec.startsWith(`${p}/`)))) {
          context.report({ node, messageId: 'pkg', data: { from: from.name, spec } });
        }
        return;
      }
      const target = rel(path.resolve(path.dirname(context.filename), spec));
      const to = areaOf(target, areas);
      if (!to || to === from) return;
      if (from.may?.includes(to.name)) return;
      if (from.rank !== undefined && to.rank !== undefined && to.rank < from.rank) return;
      const why = from.rank !== undefined && to.rank !== undefined ? 'a pipeline stage imports only earlier stages' : `${from.name} may import ${[...(from.may ?? [])].join(', ') || 'nothing outside itself'}`;
      context.report({ node, messageId: 'area', data: { from: from.name, to: to.name, why } });
    });
  },
};

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)*$/;
const PASCAL = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Why a repo-relative file name breaks the naming rule, or undefined: modules are kebab-case,
 * Astro components PascalCase; Astro's routes under src/pages are URLs and exempt.
 */
export function fileNameProblem(file) {
  if (file.startsWith('src/pages/')) return undefined;
  const base = path.basename(file);
  if (base.endsWith('.astro')) return PASCAL.test(base.slice(0, -'.astro'.length)) ? undefined : 'pascal';
  return KEBAB.test(base) ? undefined : 'kebab';
}

/** @type {import('eslint').Rule.RuleModule} */
const fileNames = {
  meta: {
    type: 'suggestion',
    docs: { description: 'One case style for file names.' },
    schema: [],
    messages: { kebab: 'Module file names are kebab-case: "{{name}}".', pascal: 'Component file names are PascalCase: "{{name}}".' },
  },
  create(context) {
    const file = rel(context.filename);
    return {
      Program(node) {
        const problem = fileNameProblem(file);
        if (problem) context.report({ node, messageId: problem, data: { name: path.basename(file) } });
      },
    };
  },
};

export default { meta: { name: 'layerwise' }, rules: { imports, 'file-names': fileNames } };
