/**
 * Which official images the table covers: every official image a FROM in ../shared/corpus
 * names (counted by tests/unit/image/table-coverage.test.ts), the 30 most pulled official images
 * (MOST_PULLED, below, with its source), and a few more people build on, chosen by hand. Root
 * filesystem images (built `FROM scratch` from a tarball) are listed apart, in ROOT_IMAGES.
 */

/**
 * The 30 most pulled official images: those Docker Hub reported at least 500 million pulls for,
 * in the answers of its catalog search API crawled on 2024-08-17/18 and published as
 * github.com/imrealq/4fun-dockerhub docker_hub_images_info.json (commit 5f8f8b4, 2024-08-20).
 * Hub gives pulls only in buckets ("1B+": the first 22 here, "500M+": the last 8); within a
 * bucket they are ordered by stars. That crawl holds 130 of the official images and lacks some
 * heavily pulled ones (debian, golang, mongo, mysql, openjdk, docker, wordpress, maven), so this
 * is the most pulled of those it has; the table covers all of the missing ones but mysql anyway.
 */
export const MOST_PULLED_SOURCE = 'Docker Hub catalog search, crawled 2024-08-17/18: imrealq/4fun-dockerhub@5f8f8b4 docker_hub_images_info.json';
export const MOST_PULLED: readonly string[] = [
  // 1B+ pulls.
  'nginx', 'ubuntu', 'postgres', 'node', 'redis', 'alpine', 'python', 'centos', 'php', 'mariadb', 'rabbitmq',
  'httpd', 'registry', 'busybox', 'traefik', 'sonarqube', 'ruby', 'hello-world', 'memcached', 'haproxy', 'influxdb', 'consul',
  // 500M+ pulls.
  'elasticsearch', 'nextcloud', 'tomcat', 'amazonlinux', 'eclipse-mosquitto', 'vault', 'caddy', 'telegraf',
];

/** Most pulled images the table leaves out, and why. */
export const NOT_TABULATED: ReadonlyMap<string, string> = new Map([
  ['centos', 'no longer an official image (not in docker-library/official-images at the commit the table reads)'],
  ['consul', 'no longer an official image (not in docker-library/official-images at the commit the table reads; now hashicorp/consul)'],
  ['vault', 'no longer an official image (not in docker-library/official-images at the commit the table reads; now hashicorp/vault)'],
  ['elasticsearch', "the generator's copy of elastic/dockerfiles (2026-01-13) lacks the commits the manifests name; with a full clone, drop this line and re-run"],
]);

/** Official images in the corpus built from a Dockerfile in their repository. */
const IN_CORPUS = ['buildpack-deps', 'docker', 'golang', 'haskell', 'node', 'openjdk', 'python', 'registry', 'ruby'];

/**
 * Widely built on though not among MOST_PULLED as that crawl has it (chosen by hand).
 * (mysql builds only on oraclelinux, whose root filesystem image this table does not describe.)
 */
const BY_HAND = ['bash', 'eclipse-temurin', 'maven', 'mongo', 'rust', 'wordpress'];

export interface RootImage {
  /** Tags no longer in the manifest, with the layout their release documents. */
  readonly extraTags: readonly (readonly [string, string])[];
}

export interface RootImage {
  /** Tags no longer in the manifest, with the layout their release documents. */
  readonly extraTags: readonly (readonly [string, string])[];
}

const alpineOld = Array.from({ length: 22 }, (_, i) => [`3.${i + 1}`, 'alpine-split'] as const);
const debianOld = [
  ['buster', 10], ['stretch', 9], ['jessie', 8],
].flatMap(([codename, version]) => [
  [`${codename}`, 'debian-split'], [`${codename}-slim`, 'debian-split'], [`${version}`, 'debian-split'], [`${version}-slim`, 'debian-split'],
] as const);
const ubuntuOld = [
  ['14.04', 'debian-split'], ['trusty', 'debian-split'], ['16.04', 'debian-split'], ['xenial', 'debian-split'],
  ['18.04', 'debian-split'], ['bionic', 'debian-split'], ['20.04', 'usr-merged'], ['focal', 'usr-merged'],
] as const;

export const ROOT_IMAGES: ReadonlyMap<string, RootImage> = new Map<string, RootImage>([
  ['alpine', { extraTags: alpineOld }],
  ['busybox', { extraTags: [] }],
  ['debian', { extraTags: debianOld }],
  ['hello-world', { extraTags: [] }],
  ['ubuntu', { extraTags: ubuntuOld }],
  // FROM scratch plus a root filesystem (amazonlinux/container-images Dockerfile); layout not recorded.
  ['amazonlinux', { extraTags: [] }],
]);

/** Images built from a Dockerfile in their repository, walked through their FROM chain. */
export const IMAGES: readonly string[] = [
  ...new Set([...IN_CORPUS, ...MOST_PULLED.filter((name) => !ROOT_IMAGES.has(name) && !NOT_TABULATED.has(name)), ...BY_HAND]),
];

/**
 * Tags the corpus builds on that are no longer published: each is read from the newest
 * official-images manifest that still listed it.
 */
export const HISTORIC_TAGS: ReadonlyMap<string, readonly string[]> = new Map([
  ['openjdk', ['8-alpine', '8', '11', '17', '8-jdk', '11-jdk', '17-jdk']],
  ['python', ['2-alpine', '2', '3.5-alpine', '3.8-alpine', '3.9-alpine', '3.10-alpine', '3.11-alpine', '3.9', '3.10', '3.11', '3.13.6-slim-bullseye']],
  ['golang', ['1.23-alpine', '1.22-alpine', '1.21-alpine', '1.24-alpine', '1.25-alpine', '1.25-alpine3.22', '1.24', '1.23', '1.22']],
  ['node', ['18-alpine', '20-alpine', '18', '20']],
  ['haskell', ['8.8']],
  ['ruby', ['alpine']],
]);
