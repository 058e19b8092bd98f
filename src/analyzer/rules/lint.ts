import type { Diagnostic } from '../core/diagnostic.ts';
import type { RuleContext } from './define-rule.ts';

// Stub until the rule engine lands.
export function lint(_context: RuleContext): Diagnostic[] {
  return [];
}
