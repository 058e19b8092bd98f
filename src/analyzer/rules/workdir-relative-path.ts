import { defineRule } from './define-rule.ts';
import { walkWithInheritance } from './support/stage-chain.ts';

export const workdirRelativePath = defineRule({
  name: 'WorkdirRelativePath',
  since: '0.1.0',
  title: 'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes',
  severity: 'warning',
  message: 'Relative workdir %q can have unexpected results if the base image changes',
  description:
    'A relative `WORKDIR` is resolved against the working directory of the base image, which the ' +
    'Dockerfile does not control: a new base image version can move it. Relative COPY destinations follow ' +
    'WORKDIR, so files can land somewhere else without any change to your file. Set an absolute `WORKDIR` ' +
    'first; later relative ones are then fine.',
  origin: 'buildkit',
  examples: {
    bad: [{ dockerfile: 'FROM alpine\nWORKDIR app\nCOPY . .\n' }],
    good: [{ dockerfile: 'FROM alpine\nWORKDIR /app\nWORKDIR src\nCOPY . .\n' }],
  },
  check(context, report) {
    walkWithInheritance(context, false, (workdirSet, evaluated) => {
      const command = evaluated.command;
      if (command.kind !== 'workdir') return workdirSet;
      const path = evaluated.expanded.kind === 'workdir' ? evaluated.expanded.path : (command.args[0]?.value ?? '');
      if (!workdirSet && !path.startsWith('/') && !evaluated.onbuild) report(command.node.span, path);
      return true;
    });
  },
});
