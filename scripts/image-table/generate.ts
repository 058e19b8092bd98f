/**
 * Writes src/analyzer/image/table-data.ts: the built-in configs of common official images.
 *
 *   npm run images:table -- REPOS_DIR [--out FILE]
 *   npm run images:table -- REPOS_DIR --list-repos     (what to clone into REPOS_DIR)
 *
 * REPOS_DIR holds git clones (plain or bare; named `owner+name`, `owner+name/repo`, `owner/name`
 * or `name`) of docker-library/official-images and of each image's own repository (the `GitRepo`
 * of its `library/NAME` manifest; see README "Base images"). For every tag of every image in
 * `images.ts`, the manifest gives the repository, commit, directory and architectures; the
 * Dockerfile at that commit is evaluated with this project's own analyzer, given the config of
 * its `FROM` image (itself built the same way, down to a root filesystem image) as `images`, so
 * ENV, WORKDIR, USER and ONBUILD follow the same BuildKit rules as any analysis. Root filesystem images (debian, alpine, …) have no
 * Dockerfile in a mirrorable branch: their config is BuildKit's default for `FROM scratch` plus
 * the distribution's documented layout (`layouts.ts`). Tags that cannot be read are reported
 * and left out, never guessed.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../src/analyzer/index.ts';
import { tagVariant } from '../../src/analyzer/image/lookup.ts';
import type { ImageConfig } from '../../src/analyzer/image/model.ts';
import type { ImageTable, TableConfig, TableFamily, TableImage } from '../../src/analyzer/image/table-format.ts';
import { HISTORIC_TAGS, IMAGES, ROOT_IMAGES } from './images.ts';
import { LAYOUT_SOURCES, LAYOUTS, RELEASE_LAYOUTS, rootLayout } from './layouts.ts';
import { parseManifest, type ManifestEntry } from './manifest.ts';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

interface Resolved {
  readonly env: readonly string[];
  readonly workdir: string;
  readonly user: string;
  readonly onbuild: readonly string[];
  readonly layout?: string;
}

interface Built extends Resolved {
  readonly arches: string;
  readonly source: string;
  readonly date: string;
  readonly base?: string;
  readonly tags: readonly string[];
  /** Read from an older official-images listing (the clone lacks the current commit). */
  readonly historic?: boolean;
}

const USAGE = 'usage: generate.ts REPOS_DIR [--out FILE] [--images NAME,NAME…] [--list-repos]\n';

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, images: { type: 'string' }, 'list-repos': { type: 'boolean' } },
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const { values, positionals } = parsed;
  const reposDir = positionals[0];
  const out = resolve(values.out ?? 'src/analyzer/image/table-data.ts');
  // A subset of the images (the tests use it); the table written then holds only those.
  const images = values.images !== undefined ? values.images.split(',').filter(Boolean) : IMAGES;
  if (!reposDir || positionals.length > 1) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const repos = new Repos(resolve(reposDir));
  const official = repos.find('docker-library/official-images');
  if (!official) throw new Error(`docker-library/official-images not found under ${reposDir}`);
  const officialHead = git(official, 'rev-parse', 'HEAD').trim();
  const officialDate = git(official, 'log', '-1', '--format=%cs', officialHead).trim();
  const warnings: string[] = [];
  const manifests = new Map<string, ManifestEntry[]>();
  const manifestOf = (name: string): ManifestEntry[] => {
    let entries = manifests.get(name);
    if (!entries) {
      const text = show(official, officialHead, `library/${name}`);
      if (text === undefined) warnings.push(`${name}: no library/${name} in docker-library/official-images`);
      entries = text === undefined ? [] : parseManifest(text);
      manifests.set(name, entries);
    }
    return entries;
  };

  if (values['list-repos']) {
    // What to clone beside official-images: each covered image's own repository.
    const urls = new Set(images.flatMap((name) => manifestOf(name).map((entry) => entry.gitRepo)));
    process.stdout.write(`https://github.com/docker-library/official-images.git\n${[...urls].sort().join('\n')}\n`);
    return;
  }

  // Older manifests of an image, newest first, for tags whose current Dockerfile the clone lacks
  // and for tags no longer published (HISTORIC_TAGS).
  const history = new Map<string, string[]>();
  const parsedAt = new Map<string, ManifestEntry[]>();
  const historicListing = (
    name: string,
    tags: readonly string[],
    usable: (entry: ManifestEntry) => boolean,
  ): { entry: ManifestEntry; official: string } | undefined => {
    let commits = history.get(name);
    if (!commits) {
      commits = git(official, 'log', '--format=%H', '-n', '3000', officialHead, '--', `library/${name}`).split('\n').filter(Boolean);
      history.set(name, commits);
    }
    for (const commit of commits) {
      let entries = parsedAt.get(`${commit}:${name}`);
      if (!entries) {
        try {
          entries = parseManifest(git(official, 'show', `${commit}:library/${name}`));
        } catch {
          entries = [];
        }
        parsedAt.set(`${commit}:${name}`, entries);
      }
      const found = entries.find(
        (e) => tags.some((tag) => e.tags.includes(tag) || e.sharedTags.includes(tag)) && e.arches.some((a) => !a.startsWith('windows-')) && usable(e),
      );
      if (found) return { entry: found, official: commit };
    }
    return undefined;
  };

  const built = new Map<string, Built[]>();
  const byEntry = new Map<ManifestEntry, Built>();
  const byTag = new Map<string, Built | null>();

  const resolveTag = (name: string, tag: string, chain: readonly string[]): Built | undefined => {
    const key = `${name}:${tag}`;
    if (byTag.has(key)) return byTag.get(key) ?? undefined;
    if (chain.includes(key)) throw new Error(`FROM cycle: ${[...chain, key].join(' → ')}`);
    buildImage(name, [...chain, key]);
    if (!byTag.has(key) && !ROOT_IMAGES.has(name)) {
      // A Dockerfile read from an older listing may build on a tag published then.
      const list = built.get(name);
      if (list) return historicTag(name, tag, list, [...chain, key]);
    }
    return byTag.get(key) ?? undefined;
  };

  const buildImage = (name: string, chain: readonly string[]): void => {
    if (built.has(name)) return;
    const list: Built[] = [];
    built.set(name, list);
    const entries = manifestOf(name).filter((entry) => entry.arches.some((arch) => !arch.startsWith('windows-')));
    for (const entry of entries) {
      const arches = entry.arches.filter((arch) => !arch.startsWith('windows-')).join(' ');
      let result: Built | undefined;
      if (ROOT_IMAGES.has(name)) {
        result = {
          env: [`PATH=${DEFAULT_PATH}`], workdir: '', user: '', onbuild: [],
          layout: rootLayout(name, entry.tags[0]),
          arches,
          source: `docker-library/official-images@${officialHead.slice(0, 12)} library/${name}`,
          date: officialDate,
          tags: entry.tags,
        };
      } else {
        result = buildEntry(name, entry, arches, chain);
      }
      if (!result) continue;
      list.push(result);
      byEntry.set(entry, result);
      // A config read from an older listing answers only for the tags that listing had.
      for (const tag of entry.tags) if (!byTag.has(`${name}:${tag}`) && (!result.historic || result.tags.includes(tag))) byTag.set(`${name}:${tag}`, result);
    }
    // Shared tags (`golang:1.27` = the Debian build plus Windows builds) name the first Linux entry.
    for (const entry of entries) {
      const result = byEntry.get(entry);
      if (!result) continue;
      for (const tag of entry.sharedTags) {
        if (byTag.has(`${name}:${tag}`) || (result.historic && !result.tags.includes(tag))) continue;
        byTag.set(`${name}:${tag}`, result);
      }
    }
    for (const tag of HISTORIC_TAGS.get(name) ?? []) {
      if (!byTag.has(`${name}:${tag}`)) historicTag(name, tag, list, chain);
    }
    for (const [tag, layout] of ROOT_IMAGES.get(name)?.extraTags ?? []) {
      if (byTag.has(`${name}:${tag}`)) continue;
      const extra: Built = {
        env: [`PATH=${DEFAULT_PATH}`], workdir: '', user: '', onbuild: [], layout, arches: '',
        source: LAYOUT_SOURCES[layout] ?? `layout ${layout}`, date: officialDate, tags: [tag],
      };
      list.push(extra);
      byTag.set(`${name}:${tag}`, extra);
    }
  };

  /** A tag no longer in the current manifest, read from the newest manifest that listed it. */
  const historicTag = (name: string, tag: string, list: Built[], chain: readonly string[]): Built | undefined => {
    const older = historicListing(name, [tag], (e) => {
      const repo = githubName(e.gitRepo);
      const dir = repo ? repos.find(repo) : undefined;
      return dir !== undefined && show(dir, e.gitCommit, fileOf(e)) !== undefined;
    });
    if (!older) {
      warnings.push(`${name}:${tag}: no listing with a Dockerfile in the clone`);
      return undefined;
    }
    const arches = older.entry.arches.filter((a) => !a.startsWith('windows-')).join(' ');
    const result = buildEntry(name, { ...older.entry, tags: [tag], sharedTags: [] }, arches, chain, older.official);
    if (!result) return undefined;
    list.push(result);
    byTag.set(`${name}:${tag}`, result);
    return result;
  };

  const buildEntry = (
    name: string,
    entry: ManifestEntry,
    arches: string,
    chain: readonly string[],
    listedIn = '',
  ): Built | undefined => {
    const repoName = githubName(entry.gitRepo);
    const dir = repoName ? repos.find(repoName) : undefined;
    if (!dir || !repoName) {
      warnings.push(`${name}:${entry.tags[0]}: no clone of ${entry.gitRepo}`);
      return undefined;
    }
    // The commit the manifest names; when the clone predates it, the newest earlier listing of
    // one of the same tags whose Dockerfile the clone has (a version the tag really pointed to).
    let listed = { entry, official: listedIn };
    let text = show(dir, entry.gitCommit, fileOf(entry));
    if (text === undefined) {
      const older = historicListing(name, entry.tags, (candidate) => show(dir, candidate.gitCommit, fileOf(candidate)) !== undefined);
      if (!older) {
        warnings.push(`${name}:${entry.tags[0]}: ${repoName}@${entry.gitCommit.slice(0, 12)} ${fileOf(entry)} not in the clone`);
        return undefined;
      }
      listed = older;
      text = show(dir, older.entry.gitCommit, fileOf(older.entry))!;
    }
    const commit = listed.entry.gitCommit;
    const file = fileOf(listed.entry);
    const note = listed.official ? ` (as listed in official-images@${listed.official.slice(0, 12)})` : '';
    const tags = listed.official
      ? [...entry.tags, ...entry.sharedTags].filter((tag) => listed.entry.tags.includes(tag) || listed.entry.sharedTags.includes(tag))
      : entry.tags;
    const date = git(dir, 'log', '-1', '--format=%cs', commit).trim();
    const source = `${repoName}@${commit.slice(0, 12)} ${file}${note}`;
    const evaluated = evaluateDockerfile(text, (ref) => {
      const base = officialRef(ref);
      if (!base) return undefined;
      if (!images.includes(base.name) && !ROOT_IMAGES.has(base.name)) return undefined;
      return resolveTag(base.name, base.tag, chain);
    });
    if ('error' in evaluated) {
      warnings.push(`${name}:${entry.tags[0]}: ${evaluated.error} (${source})`);
      return undefined;
    }
    return {
      ...evaluated.config,
      arches,
      source,
      date,
      ...(evaluated.base ? { base: evaluated.base } : {}),
      tags,
      ...(listed.official ? { historic: true } : {}),
    };
  };

  for (const name of [...ROOT_IMAGES.keys(), ...images]) buildImage(name, []);

  const table = assemble(built, byTag, officialDate);
  writeFileSync(out, render(table, officialHead));
  for (const warning of warnings) process.stderr.write(`skipped ${warning}\n`);
  const tags = Object.values(table.images).reduce((n, image) => n + Object.keys(image.tags).length, 0);
  process.stderr.write(`wrote ${out}: ${Object.keys(table.images).length} images, ${tags} tags\n`);
}

/**
 * The final stage's config: the Dockerfile evaluated by the analyzer with its base image's
 * config passed as `images` (so ENV, WORKDIR, USER and ONBUILD apply exactly as the analyzer
 * applies any base image), and a sentinel LABEL at the end whose `state` is the final state.
 */
function evaluateDockerfile(
  text: string,
  baseConfig: (ref: string) => Resolved | undefined,
): { config: Resolved; base?: string } | { error: string } {
  const probe = analyze(text).build;
  const target = probe.stages.find((s) => s.stage.index === probe.target);
  if (!target) return { error: 'no target stage' };
  const chain = [target];
  for (let at = target; at.base.kind === 'stage'; ) {
    const index = at.base.index;
    const parent = probe.stages.find((s) => s.stage.index === index);
    if (!parent) return { error: 'broken stage chain' };
    chain.unshift(parent);
    at = parent;
  }
  const root = chain[0];
  let parent: Resolved | undefined;
  let baseRef: string | undefined;
  const images: Record<string, ImageConfig> = {};
  if (root.base.kind === 'image') {
    baseRef = root.base.ref;
    parent = baseConfig(baseRef);
    if (!parent) return { error: `base image ${baseRef} is not in the table` };
    images[baseRef] = {
      env: parent.env,
      workingDir: parent.workdir,
      user: parent.user,
      onBuild: parent.onbuild,
      platforms: [],
      source: { kind: 'file', detail: baseRef },
    };
  }
  const { build } = analyze(`${text}\nLABEL layerwise.end=1\n`, { images });
  const last = build.stages.find((s) => s.stage.index === build.target);
  const sentinel = last?.commands.at(-1);
  if (!last || !sentinel || sentinel.command.kind !== 'label') return { error: 'could not evaluate the final stage' };
  // ARG values are in the build environment but never in the image config.
  const chainStages = build.stages.filter((s) => chain.some((c) => c.stage.index === s.stage.index));
  const envKeys = new Set((parent?.env ?? []).map((pair) => pair.slice(0, pair.indexOf('='))));
  envKeys.add('PATH');
  const argKeys = new Set<string>();
  const envOrder: string[] = [];
  let workdirSet = Boolean(parent?.workdir);
  const onbuild: string[] = [];
  for (const stage of chainStages) {
    for (const { command } of stage.commands) {
      if (command.kind === 'env') {
        for (const pair of command.pairs) {
          envKeys.add(pair.key.value);
          envOrder.push(pair.key.value);
        }
      }
      if (command.kind === 'arg') for (const arg of command.args) argKeys.add(arg.name.value);
      if (command.kind === 'workdir') workdirSet = true;
    }
  }
  for (const { command, onbuild: inherited } of last.commands) if (command.kind === 'onbuild' && !inherited) onbuild.push(command.expression);
  // The config's order, not the build environment's: BuildKit's ENV replaces a key of the image
  // config in place and appends new keys (the LLB environment moves a re-set key to the end).
  const values = new Map(sentinel.state.env.map((pair) => [pair.slice(0, pair.indexOf('=')), pair] as const));
  const order = [...(parent?.env ?? []).map((pair) => pair.slice(0, pair.indexOf('='))), ...envOrder, ...values.keys()];
  const env = [...new Set(order)]
    .filter((key) => values.has(key) && (envKeys.has(key) || !argKeys.has(key)))
    .map((key) => values.get(key)!);
  return {
    config: {
      env,
      workdir: workdirSet ? sentinel.state.workdir : '',
      user: sentinel.state.user,
      onbuild,
      ...(parent?.layout ? { layout: parent.layout } : {}),
    },
    ...(baseRef ? { base: shortRef(baseRef) } : {}),
  };
}

function assemble(built: Map<string, Built[]>, byTag: Map<string, Built | null>, date: string): ImageTable {
  const envs: string[][] = [];
  const envIndex = new Map<string, number>();
  const arches: string[] = [];
  const archIndex = new Map<string, number>();
  const intern = <T>(list: T[], index: Map<string, number>, value: T): number => {
    const key = JSON.stringify(value);
    let at = index.get(key);
    if (at === undefined) {
      at = list.length;
      list.push(value);
      index.set(key, at);
    }
    return at;
  };
  const images: Record<string, TableImage> = {};
  for (const [name, list] of [...built].sort(([a], [b]) => a.localeCompare(b))) {
    if (list.length === 0) continue;
    const configs: TableConfig[] = list.map((b) => ({
      env: intern(envs, envIndex, [...b.env]),
      ...(b.workdir ? { workdir: b.workdir } : {}),
      ...(b.user ? { user: b.user } : {}),
      ...(b.onbuild.length ? { onbuild: [...b.onbuild] } : {}),
      arch: intern(arches, archIndex, b.arches),
      ...(b.layout ? { layout: b.layout } : {}),
      source: b.source,
      date: b.date,
      ...(b.base ? { base: b.base } : {}),
    }));
    const tags: Record<string, number> = {};
    for (const [key, value] of byTag) {
      if (!value || key.slice(0, key.indexOf(':')) !== name) continue;
      tags[key.slice(key.indexOf(':') + 1)] = list.indexOf(value);
    }
    const families = ROOT_IMAGES.has(name) ? undefined : familiesOf(list, tags, (env) => intern(envs, envIndex, env));
    images[name] = { configs, tags, ...(families && Object.keys(families).length ? { families } : {}) };
  }
  return { generated: date, envs, arches, layouts: LAYOUTS, layoutSources: LAYOUT_SOURCES, releaseLayouts: RELEASE_LAYOUTS, images };
}

/**
 * A variant family is recorded when every listed tag of that variant has the same working
 * directory, user and triggers. Its env is the union of the members' keys (the newest tag's
 * value first), so a family match never reports a variable one version of the image sets as
 * undefined; keys whose values differ are listed in `varies`.
 */
function familiesOf(
  list: readonly Built[],
  tags: Record<string, number>,
  internEnv: (env: string[]) => number,
): Record<string, TableFamily> {
  const groups = new Map<string, number[]>();
  for (const [tag, index] of Object.entries(tags)) {
    const variant = tagVariant(tag);
    if (variant === undefined) continue;
    const group = groups.get(variant) ?? [];
    if (!group.includes(index)) group.push(index);
    groups.set(variant, group);
  }
  const families: Record<string, TableFamily> = {};
  for (const [variant, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    members.sort((a, b) => a - b);
    const configs = members.map((i) => list[i]);
    const shape = (b: Built) => JSON.stringify([b.workdir, b.user, b.onbuild]);
    if (new Set(configs.map(shape)).size !== 1) continue;
    const env = new Map<string, string>();
    const varies = new Set<string>();
    for (const config of configs) {
      for (const pair of config.env) {
        const key = pair.slice(0, pair.indexOf('='));
        const known = env.get(key);
        if (known === undefined) env.set(key, pair);
        else if (known !== pair) varies.add(key);
      }
    }
    for (const [key] of env) if (configs.some((b) => !b.env.some((pair) => pair.startsWith(`${key}=`)))) varies.add(key);
    const union = [...env.values()];
    const newest = members[0];
    const sameEnv = JSON.stringify(union) === JSON.stringify(list[newest].env);
    families[variant] = {
      config: newest,
      ...(sameEnv ? {} : { env: internEnv(union) }),
      ...(varies.size ? { varies: [...varies] } : {}),
    };
  }
  return families;
}

function render(table: ImageTable, officialHead: string): string {
  return [
    '// Generated by scripts/image-table/generate.ts from docker-library/official-images@' + officialHead.slice(0, 12),
    '// and the repositories its manifests name. Do not edit by hand: re-run the generator (README, "Base images").',
    "import type { ImageTable } from './table-format.ts';",
    '',
    `export const IMAGE_TABLE: ImageTable = ${JSON.stringify(table)};`,
    '',
  ].join('\n');
}

function officialRef(ref: string): { name: string; tag: string } | undefined {
  const match = /^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?([a-z0-9][a-z0-9._-]*)(?::([\w][\w.-]*))?(?:@sha256:[a-f0-9]{64})?$/.exec(ref);
  if (!match) return undefined;
  return { name: match[1], tag: match[2] ?? 'latest' };
}

function shortRef(ref: string): string {
  const official = officialRef(ref);
  return official ? `${official.name}:${official.tag}` : ref;
}

function githubName(url: string): string | undefined {
  const match = /github\.com\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

function fileOf(entry: ManifestEntry): string {
  return `${entry.directory ? `${entry.directory.replace(/\/$/, '')}/` : ''}${entry.file ?? 'Dockerfile'}`;
}

function show(dir: string, commit: string, file: string): string | undefined {
  try {
    return git(dir, 'show', `${commit}:${file}`);
  } catch {
    return undefined;
  }
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Finds clones by GitHub name in the layouts people (and mirroring tools) use. */
class Repos {
  readonly root: string;
  readonly cache = new Map<string, string | undefined>();
  constructor(root: string) {
    this.root = root;
  }
  find(name: string): string | undefined {
    if (this.cache.has(name)) return this.cache.get(name);
    const [owner, repo] = name.split('/');
    const candidates = [`${owner}+${repo}/repo`, `${owner}+${repo}`, `${owner}/${repo}`, repo].map((p) => join(this.root, p));
    let found: string | undefined;
    for (const candidate of candidates) {
      for (const gitDir of [join(candidate, '.git'), candidate]) {
        if (existsSync(join(gitDir, 'HEAD')) && existsSync(join(gitDir, 'objects'))) {
          found = gitDir;
          break;
        }
      }
      if (found) break;
    }
    this.cache.set(name, found);
    return found;
  }
}

main(process.argv.slice(2));
