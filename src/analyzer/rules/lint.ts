/**
 * The rule engine: runs every registered rule over the analysis and applies BuildKit's
 * `check` configuration (file directive or `BUILDKIT_DOCKERFILE_CHECK`, then per-instruction
 * comments) to our rules and BuildKit's alike.
 *
 * Checks BuildKit runs while converting ("D") see the stages a lint request converts
 * (`EvaluatedBuild.linted`): every stage without a target, as `docker build --check` does,
 * else the stages the target reaches. Where we knowingly differ from BuildKit (v0.x frontend
 * modelled in buildkit-model.md):
 * - BuildKit stops at the first build error and reports only the checks that ran before it;
 *   we report every finding;
 * - `check=error=true` makes BuildKit's checks errors (BuildKit fails the build with `lint
 *   violation found for rules: …`); our rules keep their own level;
 * - InvalidBaseImagePlatform is checked only when the base image's platforms are known
 *   (built-in table, config file, registry);
 * - findings of ONBUILD triggers inherited from a base stage are not reported (their text
 *   lives in another stage).
 */
import { buildError, type Diagnostic } from '../core/diagnostic.ts';
import type { Span } from '../core/span.ts';
import { err, ok, type Result } from '../core/result.ts';
import type { InstructionNode } from '../parse/tree.ts';
import {
  type CheckConfig,
  commentCheckConfig,
  findCheckDirective,
  isEnabled,
  mergeConfig,
  parseCheckOptions,
} from './check-config.ts';
import { formatMessage, type Rule, type RuleContext } from './define-rule.ts';
import { ruleByName, rules } from './registry.ts';

/** The build arg that replaces the `# check=` directive when it is given. */
export const CHECK_BUILD_ARG = 'BUILDKIT_DOCKERFILE_CHECK';

interface Raw {
  readonly rule: Rule;
  readonly span: Span;
  readonly message: string;
}

export function lint(context: RuleContext): Diagnostic[] {
  const read = readFileConfig(context);
  if (!read.ok) return [read.error];
  const fileConfig = read.value;

  const raw: Raw[] = [];
  const run: RuleContext = { ...context, shared: new Map() };
  for (const rule of rules) {
    if (rule.unchecked) continue;
    try {
      rule.check(run, (span, ...data) => raw.push({ rule, span, message: formatMessage(rule, data) }));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return [buildError(`internal analyzer error in rule ${rule.name}: ${why}`, { start: 0, end: 0 })];
    }
  }
  // Findings that earlier stages produce for registered rules (the parser's
  // NoEmptyContinuation) pass through here so the same configuration applies to them.
  for (const diagnostic of upstreamRuleDiagnostics(context)) {
    const rule = ruleByName(diagnostic.rule);
    if (rule) raw.push({ rule, span: diagnostic.span, message: diagnostic.message });
  }

  const instructions = [...context.tree.instructions].sort((a, b) => a.span.start - b.span.start);
  const commentConfigs = new Map<InstructionNode, CheckConfig>();
  const configFor = (rule: Rule, span: Span): CheckConfig => {
    if (rule.instructionComments === false) return fileConfig;
    const node = instructionAt(instructions, span.start);
    if (!node) return fileConfig;
    let config = commentConfigs.get(node);
    if (!config) {
      const comment = commentCheckConfig(node.comments);
      const extra = comment && context.inlineSkips === false ? withoutSkips(comment) : comment;
      config = extra ? mergeConfig(fileConfig, extra) : fileConfig;
      commentConfigs.set(node, config);
    }
    return config;
  };

  const findings: Diagnostic[] = [];
  for (const { rule, span, message } of raw) {
    const config = configFor(rule, span);
    if (!isEnabled(config, rule.name, rule.experimental === true)) continue;
    const severity = rule.origin === 'buildkit' && config.error ? 'error' : rule.severity;
    findings.push({ rule: rule.name, severity, message, span });
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** Diagnostics of upstream stages that belong to a registered rule rather than to the stage itself. */
export function isRuleDiagnostic(diagnostic: Diagnostic): boolean {
  return ruleByName(diagnostic.rule) !== undefined;
}

function upstreamRuleDiagnostics(context: RuleContext): Diagnostic[] {
  return [
    ...context.tree.diagnostics,
    ...context.model.diagnostics,
    ...context.build.diagnostics,
    ...context.graph.diagnostics,
  ].filter(isRuleDiagnostic);
}

function readFileConfig(context: RuleContext): Result<CheckConfig, Diagnostic> {
  const fromArg = context.options?.buildArgs?.[CHECK_BUILD_ARG];
  const directive = fromArg === undefined ? findCheckDirective(context.tree.source) : undefined;
  const text = fromArg ?? directive?.value ?? '';
  const parsed = parseCheckOptions(text);
  // A policy that forbids in-file skips keeps the directive's other settings; the build arg is not in the file.
  if (parsed.ok) return directive && context.inlineSkips === false ? ok(withoutSkips(parsed.value)) : parsed;
  return err(buildError(`failed to parse check options: ${parsed.error}`, directive?.span ?? { start: 0, end: 0 }));
}

function withoutSkips(config: CheckConfig): CheckConfig {
  return { ...config, skipAll: false, skip: new Set() };
}

/** The top-level instruction whose span holds `offset` (comments belong to it). */
function instructionAt(sorted: readonly InstructionNode[], offset: number): InstructionNode | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let found: InstructionNode | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].span.start <= offset) {
      found = sorted[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found && offset <= found.span.end ? found : undefined;
}
