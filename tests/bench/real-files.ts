/**
 * Real Dockerfiles of about 200, 300 and 500 lines from ../shared/corpus (issue 13's "speed at
 * real sizes"): `npm run bench` times the analysis of each, `npm run bench:web` the page.
 */
export const REAL_FILES = [
  { name: 'docker/buildx', file: 'docker_buildx__Dockerfile' },
  { name: 'docker-library/php 8.2 bookworm apache', file: 'docker-library_php__8.2_bookworm_apache_Dockerfile' },
  { name: 'moby/buildkit', file: 'moby_buildkit__Dockerfile' },
] as const;
