import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../scripts/image-table/manifest.ts';

describe('official-images manifests', () => {
  it('applies the header block to each entry and reads continuation lines', () => {
    const text = [
      '# comment',
      'Maintainers: A <a@example.com> (@a),',
      '             B <b@example.com> (@b)',
      'GitRepo: https://github.com/docker-library/golang.git',
      '',
      'Tags: 1.27.0-alpine3.24, 1.27-alpine',
      'Architectures: amd64, arm64v8',
      'GitCommit: 7aa947b3fda4de2c123815ab1873e50bc810569d',
      'Directory: 1.27/alpine3.24',
      '',
      'Tags: 1.27.0-trixie',
      'SharedTags: 1.27, latest',
      'GitCommit: 1111111111111111111111111111111111111111',
      'Directory: 1.27/trixie',
      'File: Dockerfile.other',
      '',
    ].join('\n');
    expect(parseManifest(text)).toEqual([
      {
        tags: ['1.27.0-alpine3.24', '1.27-alpine'],
        sharedTags: [],
        arches: ['amd64', 'arm64v8'],
        gitRepo: 'https://github.com/docker-library/golang.git',
        gitCommit: '7aa947b3fda4de2c123815ab1873e50bc810569d',
        directory: '1.27/alpine3.24',
      },
      {
        tags: ['1.27.0-trixie'],
        sharedTags: ['1.27', 'latest'],
        arches: ['amd64'],
        gitRepo: 'https://github.com/docker-library/golang.git',
        gitCommit: '1111111111111111111111111111111111111111',
        directory: '1.27/trixie',
        file: 'Dockerfile.other',
      },
    ]);
  });
});
