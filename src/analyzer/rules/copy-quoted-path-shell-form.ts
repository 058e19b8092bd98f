import type { Word } from '../parse/tree.ts';
import { defineRule } from './define-rule.ts';
import { everyCommand, isCopy } from './support/walk.ts';

/** A word that opens a quote it does not close: the start of a quoted path split at whitespace. */
function opensQuote(word: string): string | undefined {
  const quote = word[0];
  if (quote !== '"' && quote !== "'") return undefined;
  return word.length > 1 && word.endsWith(quote) ? undefined : quote;
}

export const copyQuotedPathShellForm = defineRule({
  name: 'CopyQuotedPathShellForm',
  since: '0.1.0',
  title: 'Quotes do not group words in the shell form of COPY and ADD',
  severity: 'warning',
  message: 'Quotes do not group words in the shell form of %s: %s is split at the space; use the JSON form for paths with spaces',
  description:
    'Unlike a shell, COPY and ADD split their arguments at every space and only then look at quotes, so ' +
    '`COPY "my file.txt" /app/` has the three words `"my`, `file.txt"` and `/app/`, and fails with an ' +
    'unmatched-quote error. The JSON form `COPY ["my file.txt", "/app/"]` is the way to write paths ' +
    'with spaces.',
  origin: 'layerwise',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nCOPY "my file.txt" /app/\n' }],
    good: [{ dockerfile: 'FROM alpine\nCOPY ["my file.txt", "/app/"]\n' }, { dockerfile: 'FROM alpine\nCOPY "file.txt" /app/\n' }],
  },
  check(context, report) {
    for (const { command } of everyCommand(context)) {
      if (!isCopy(command) || command.node.json) continue;
      const words: readonly Word[] = command.node.args;
      for (let i = 0; i < words.length; i++) {
        const quote = opensQuote(words[i].value);
        if (!quote) continue;
        let j = i + 1;
        while (j < words.length && !words[j].value.endsWith(quote)) j++;
        const last = Math.min(j, words.length - 1);
        const text = words.slice(i, last + 1).map((word) => word.value).join(' ');
        report({ start: words[i].span.start, end: words[last].span.end }, command.node.keyword.toUpperCase(), text);
        i = last;
      }
    }
  },
});
