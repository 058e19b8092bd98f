/**
 * Which official images the table covers: every official image a FROM in ../shared/corpus
 * names (counted by tests/unit/image/corpus-coverage.test.ts), plus widely used official images
 * chosen from Docker Hub's most pulled list. Root filesystem images (built `FROM scratch` from a
 * tarball) are listed apart with the tags of releases no longer in the manifests.
 */

/** Images built from a Dockerfile in their repository, walked through their FROM chain. */
export const IMAGES: readonly string[] = [
  // In the corpus.
  'buildpack-deps', 'docker', 'golang', 'haskell', 'node', 'openjdk', 'python', 'registry', 'ruby',
  // Widely used.
  // (mysql builds only on oraclelinux, whose root filesystem image this table does not describe.)
  'bash', 'eclipse-temurin', 'haproxy', 'httpd', 'influxdb', 'mariadb', 'maven', 'memcached', 'mongo',
  'nginx', 'php', 'postgres', 'rabbitmq', 'redis', 'rust', 'tomcat', 'traefik', 'wordpress',
];

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
]);

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
