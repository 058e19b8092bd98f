import { BUILD_ERROR } from '../../../src/analyzer/core/diagnostic.ts';
import type { Span } from '../../../src/analyzer/core/span.ts';
import { dump } from '../../../src/analyzer/parse/dump.ts';
import { parse } from '../../../src/analyzer/parse/parse.ts';

/** BuildKit's dump of `source` (what its `result` files hold, without the last newline). */
export function dumpOf(source: string): string {
  return dump(parse(source));
}

/** The BuildError messages, in order. */
export function errorsOf(source: string): string[] {
  return parse(source)
    .diagnostics.filter((d) => d.rule === BUILD_ERROR)
    .map((d) => d.message);
}

/** The source text a span covers. */
export function textAt(source: string, s: Span): string {
  return source.slice(s.start, s.end);
}
