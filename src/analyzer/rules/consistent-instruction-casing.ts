import { defineRule } from './define-rule.ts';

function selfConsistent(keyword: string): boolean {
  return keyword === keyword.toLowerCase() || keyword === keyword.toUpperCase();
}

export const consistentInstructionCasing = defineRule({
  name: 'ConsistentInstructionCasing',
  since: '0.1.0',
  title: 'All commands within the Dockerfile should use the same casing (either upper or lower)',
  severity: 'warning',
  message: "Command '%s' should match the case of the command majority (%s)",
  description:
    'Instruction keywords are case-insensitive, but a file that mixes `RUN` and `run` (or writes `Run`) is ' +
    'harder to scan. BuildKit counts the all-lowercase and all-uppercase keywords of every stage, picks the ' +
    'majority (uppercase on a tie) and flags each keyword that differs. ARGs before the first FROM are not ' +
    'counted.',
  origin: 'buildkit',
  instructionComments: false,
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nrun echo hi\nRUN echo there\n' }],
    good: [{ dockerfile: 'FROM alpine\nRUN echo hi\nRUN echo there\n' }],
  },
  check(context, report) {
    const keywords = context.model.stages.flatMap((stage) => [stage.from.node, ...stage.commands.map((command) => command.node)]);
    let lower = 0;
    let upper = 0;
    for (const node of keywords) {
      if (!selfConsistent(node.keyword)) continue;
      if (node.keyword === node.keyword.toLowerCase()) lower++;
      else upper++;
    }
    const majorityLower = lower > upper;
    for (const node of keywords) {
      const keyword = node.keyword;
      if (majorityLower && keyword !== keyword.toLowerCase()) report(node.span, keyword, 'lowercase');
      else if (!majorityLower && keyword !== keyword.toUpperCase()) report(node.span, keyword, 'uppercase');
    }
  },
});
