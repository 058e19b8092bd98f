import type { InstructionNode } from '../../parse/tree.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import type { CopyCommand } from '../model.ts';
import { errNoDestinationArgument, fail, ok, type Converted } from './common.ts';
import { heredocWord } from './heredoc-word.ts';

const COPY_FLAGS: FlagSpec = {
  chown: 'string',
  from: 'string',
  chmod: 'string',
  link: 'bool',
  exclude: 'strings',
  parents: 'bool',
};

const ADD_FLAGS: FlagSpec = {
  chown: 'string',
  chmod: 'string',
  link: 'bool',
  'keep-git-dir': 'bool',
  checksum: 'string',
  unpack: 'bool',
  exclude: 'strings',
};

export function convertCopy(node: InstructionNode): Converted {
  return convertSourcesAndDest(node, 'copy');
}

export function convertAdd(node: InstructionNode): Converted {
  return convertSourcesAndDest(node, 'add');
}

/** COPY and ADD: the argument count is checked before the flags, the heredoc rule after. */
function convertSourcesAndDest(node: InstructionNode, kind: 'copy' | 'add'): Converted {
  const name = kind.toUpperCase();
  if (node.args.length < 2) return fail(errNoDestinationArgument(name));
  const flags = parseFlags(node.flags, kind === 'copy' ? COPY_FLAGS : ADD_FLAGS);
  if (flags.error !== undefined) return fail(flags.error);
  const dest = node.args[node.args.length - 1];
  if (heredocWord(dest.value) !== undefined) return fail(`${name} cannot accept a heredoc as a destination`);
  const from = flags.string('from');
  const chown = flags.string('chown');
  const chmod = flags.string('chmod');
  const checksum = flags.string('checksum');
  const keepGitDir = flags.bool('keep-git-dir');
  const unpack = flags.bool('unpack');
  const command: CopyCommand = {
    kind,
    node,
    flags: flags.flags,
    sources: node.args.slice(0, -1),
    dest,
    heredocs: node.heredocs,
    // An empty value is the same as no flag, as in BuildKit.
    ...(from !== undefined && from.value !== '' ? { from } : {}),
    ...(chown !== undefined && chown.value !== '' ? { chown } : {}),
    ...(chmod !== undefined && chmod.value !== '' ? { chmod } : {}),
    link: flags.bool('link') ?? false,
    parents: flags.bool('parents') ?? false,
    excludes: flags.strings('exclude').map((w) => w.value),
    ...(checksum !== undefined && checksum.value !== '' ? { checksum } : {}),
    ...(keepGitDir !== undefined ? { keepGitDir } : {}),
    ...(unpack !== undefined ? { unpack } : {}),
  };
  return ok(command);
}
