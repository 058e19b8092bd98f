/**
 * Every rule, listed explicitly (no file-system globbing) and sorted by name. Adding a rule
 * means adding its module and one line here; the registry test checks the list stays sorted
 * and complete.
 */
import type { Rule } from './define-rule.ts';
import { addForLocalFile } from './add-for-local-file.ts';
import { consistentInstructionCasing } from './consistent-instruction-casing.ts';
import { copyFromUnknownStage } from './copy-from-unknown-stage.ts';
import { copyIgnoredFile } from './copy-ignored-file.ts';
import { copyMultipleSourcesNoSlash } from './copy-multiple-sources-no-slash.ts';
import { copyQuotedPathShellForm } from './copy-quoted-path-shell-form.ts';
import { duplicateStageName } from './duplicate-stage-name.ts';
import { exposeInvalidFormat } from './expose-invalid-format.ts';
import { exposeProtoCasing } from './expose-proto-casing.ts';
import { fromAsCasing } from './from-as-casing.ts';
import { fromPlatformFlagConstDisallowed } from './from-platform-flag-const-disallowed.ts';
import { invalidBaseImagePlatform } from './invalid-base-image-platform.ts';
import { invalidDefaultArgInFrom } from './invalid-default-arg-in-from.ts';
import { invalidDefinitionDescription } from './invalid-definition-description.ts';
import { jsonArgsRecommended } from './json-args-recommended.ts';
import { legacyKeyValueFormat } from './legacy-key-value-format.ts';
import { linkChownByName } from './link-chown-by-name.ts';
import { linkDisabledByChmod } from './link-disabled-by-chmod.ts';
import { linkMergeChain } from './link-merge-chain.ts';
import { linkOnScratchNoop } from './link-on-scratch-noop.ts';
import { linkRebaseDefeated } from './link-rebase-defeated.ts';
import { linkReplacesDirectory } from './link-replaces-directory.ts';
import { linkResetsParentPermissions } from './link-resets-parent-permissions.ts';
import { linkSyntaxTooOld } from './link-syntax-too-old.ts';
import { linkThroughSymlink } from './link-through-symlink.ts';
import { maintainerDeprecated } from './maintainer-deprecated.ts';
import { multipleInstructionsDisallowed } from './multiple-instructions-disallowed.ts';
import { noEmptyContinuation } from './no-empty-continuation.ts';
import { redundantTargetPlatform } from './redundant-target-platform.ts';
import { reservedStageName } from './reserved-stage-name.ts';
import { secretsUsedInArgOrEnv } from './secrets-used-in-arg-or-env.ts';
import { stageNameCasing } from './stage-name-casing.ts';
import { undefinedArgInFrom } from './undefined-arg-in-from.ts';
import { undefinedVar } from './undefined-var.ts';
import { workdirRelativePath } from './workdir-relative-path.ts';

export const rules: readonly Rule[] = [
  addForLocalFile,
  consistentInstructionCasing,
  copyFromUnknownStage,
  copyIgnoredFile,
  copyMultipleSourcesNoSlash,
  copyQuotedPathShellForm,
  duplicateStageName,
  exposeInvalidFormat,
  exposeProtoCasing,
  fromAsCasing,
  fromPlatformFlagConstDisallowed,
  invalidBaseImagePlatform,
  invalidDefaultArgInFrom,
  invalidDefinitionDescription,
  jsonArgsRecommended,
  legacyKeyValueFormat,
  linkChownByName,
  linkDisabledByChmod,
  linkMergeChain,
  linkOnScratchNoop,
  linkRebaseDefeated,
  linkReplacesDirectory,
  linkResetsParentPermissions,
  linkSyntaxTooOld,
  linkThroughSymlink,
  maintainerDeprecated,
  multipleInstructionsDisallowed,
  noEmptyContinuation,
  redundantTargetPlatform,
  reservedStageName,
  secretsUsedInArgOrEnv,
  stageNameCasing,
  undefinedArgInFrom,
  undefinedVar,
  workdirRelativePath,
];

const byName = new Map(rules.map((rule) => [rule.name, rule]));

/** The rule with this exact (PascalCase) name. */
export function ruleByName(name: string): Rule | undefined {
  return byName.get(name);
}
