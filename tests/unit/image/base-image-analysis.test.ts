/**
 * The base image's config in the pipeline, as BuildKit's dispatch applies it: ENV in scope,
 * WorkingDir as the starting WORKDIR (graph destinations move), User, ONBUILD triggers,
 * platforms for InvalidBaseImagePlatform, and the source shown on the graph.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import type { ImageConfig } from '../../../src/analyzer/image/model.ts';
import { renderShape } from '../../../src/analyzer/render/shape.ts';
import { parseChange, simulate } from '../../../src/analyzer/simulate/simulate.ts';

const findings = (text: string, options = {}) => analyze(text, options).findings.map((f) => `${f.rule}: ${f.message}`);
const shape = (text: string, options = {}) => renderShape(analyze(text, options).graph);

const fileConfig = (config: Partial<ImageConfig>): ImageConfig => ({
  env: [],
  workingDir: '',
  user: '',
  onBuild: [],
  platforms: [],
  source: { kind: 'file', detail: 'img.json' },
  ...config,
});

describe('the image ENV', () => {
  it('is in scope for expansion and UndefinedVar (golang sets GOPATH)', () => {
    const text = 'FROM golang:1.23-alpine\nWORKDIR $GOPATH/src/app\nCOPY . .\n';
    expect(findings(text).filter((f) => f.startsWith('UndefinedVar'))).toEqual([]);
    expect(shape(text)).toContain('mkdir:/go/src/app');
    expect(shape(text)).toContain('copy->base:/go/src/app/');
  });

  it('covers NODE_VERSION on node and PYTHON_VERSION on python', () => {
    expect(findings('FROM node:22-alpine\nLABEL v=$NODE_VERSION\n')).toEqual([]);
    expect(findings('FROM python:3.12-slim\nLABEL v=$PYTHON_VERSION\n')).toEqual([]);
  });

  it('still flags what the image does not set, with BuildKit\'s text for a known image', () => {
    expect(findings('FROM alpine:3.20\nENV HOME_DIR=$UID\n')).toEqual(["UndefinedVar: Usage of undefined variable '$UID'"]);
  });

  it('says a variable may come from an unknown image', () => {
    expect(findings('FROM example.com/team/base:1\nWORKDIR $APP_HOME\n').filter((f) => f.startsWith('UndefinedVar'))).toEqual([
      "UndefinedVar: Usage of undefined variable '$APP_HOME'; it may come from the base image example.com/team/base:1, whose config is unknown",
    ]);
  });

  it('comes from the caller\'s configs first', () => {
    const images = { 'example.com/team/base:1': fileConfig({ env: ['APP_HOME=/srv/app'], workingDir: '/srv' }) };
    const text = 'FROM example.com/team/base:1\nWORKDIR $APP_HOME\n';
    expect(findings(text, { images })).toEqual([]);
    expect(shape(text, { images })).toContain('mkdir:/srv/app');
  });
});

describe('the image WorkingDir', () => {
  it('is where relative destinations start (golang: /go; node: /)', () => {
    expect(shape('FROM golang:1.27\nCOPY main.go ./cmd/\n')).toContain('copy->base:/go/cmd/');
    expect(shape('FROM golang:1.27\nCOPY --link main.go cmd/main.go\n')).toContain('copy->scratch:/go/cmd/main.go');
    expect(shape('FROM node:22-alpine\nCOPY package.json ./\n')).toContain('copy->base:/');
    expect(shape('FROM node:22-alpine\nCOPY package.json ./\n')).not.toContain('/go');
  });

  it.each([
    ['httpd:2.4', '/usr/local/apache2/conf/'],
    ['php:8.3-apache', '/var/www/html/conf/'],
    ['tomcat:11.0', '/usr/local/tomcat/conf/'],
    ['redis:7', '/data/conf/'],
    ['python:3.12-slim', '/conf/'],
    ['rust:1', '/conf/'],
  ])('puts a relative destination under %s where BuildKit does', (image, dest) => {
    expect(shape(`FROM ${image}\nCOPY app.conf conf/\n`)).toContain(`copy->base:${dest}`);
  });

  it('is not a WORKDIR of the Dockerfile: WorkdirRelativePath still applies, as in BuildKit', () => {
    const text = 'FROM golang:1.27\nWORKDIR src\n';
    expect(findings(text)).toContain('WorkdirRelativePath: Relative workdir "src" can have unexpected results if the base image changes');
    expect(shape(text)).toContain('mkdir:/go/src');
  });

  it('carries to stages built FROM the stage', () => {
    expect(shape('FROM golang:1.27 AS build\nFROM build\nCOPY a b\n')).toContain('copy->base:/go/b');
  });
});

describe('the image User and ONBUILD triggers', () => {
  it('makes WORKDIR directories owned by the image user', () => {
    const images = { 'example.com/app': fileConfig({ user: 'app' }) };
    const { graph } = analyze('FROM example.com/app\nWORKDIR /data\n', { images });
    const mkdir = graph.ops.flatMap((op) => op.details.actions ?? []).find((action) => action.type === 'mkdir');
    expect(mkdir).toMatchObject({ path: '/data', owner: 'app' });
  });

  it('runs the image\'s triggers first, named ONBUILD', () => {
    const images = { 'example.com/builder': fileConfig({ onBuild: ['COPY . /app/src', 'RUN make -C /app/src'] }) };
    const { graph } = analyze('FROM example.com/builder\nRUN echo done\n', { images });
    expect(graph.ops.map((op) => op.name).filter((name) => name.includes('ONBUILD'))).toEqual([
      '[2/4] ONBUILD COPY . /app/src',
      '[3/4] ONBUILD RUN make -C /app/src',
    ]);
  });

  it('reports a trigger that cannot run at the FROM', () => {
    const images = { 'example.com/builder': fileConfig({ onBuild: ['FROM alpine'] }) };
    expect(findings('FROM example.com/builder\n', { images })).toContain("BuildError: FROM isn't allowed as an ONBUILD trigger");
    const two = { 'example.com/builder': fileConfig({ onBuild: ['RUN a\nRUN b'] }) };
    expect(findings('FROM example.com/builder\n', { images: two })).toContain('BuildError: onbuild trigger should be a single expression');
    const bad = { 'example.com/builder': fileConfig({ onBuild: ['COPY --nope a b'] }) };
    expect(findings('FROM example.com/builder\n', { images: bad })).toContain('BuildError: unknown flag: --nope');
  });
});

describe('InvalidBaseImagePlatform', () => {
  it('compares the pulled platform with the stage\'s, as BuildKit does', () => {
    const images = { 'example.com/amd64-only': fileConfig({ platforms: [{ os: 'linux', architecture: 'amd64' }] }) };
    expect(findings('FROM --platform=linux/arm64 example.com/amd64-only\n', { images })).toContain(
      'InvalidBaseImagePlatform: Base image example.com/amd64-only was pulled with platform "linux/amd64", expected "linux/arm64" for current build (config file img.json)',
    );
    expect(findings('FROM example.com/amd64-only\n', { images }).filter((f) => f.startsWith('InvalidBaseImagePlatform'))).toEqual([]);
  });

  it('uses the table\'s published platforms, and stays silent without them', () => {
    const found = findings('FROM --platform=linux/mips64le golang:1.27-alpine\n').filter((f) => f.startsWith('InvalidBaseImagePlatform'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^InvalidBaseImagePlatform: Base image golang:1\.27-alpine is published for linux\/amd64, .*linux\/arm64, .*not "linux\/mips64le" for current build \(built-in table, \d{4}-\d{2}-\d{2}\)$/);
    expect(findings('FROM --platform=linux/arm64 golang:1.27-alpine\n').filter((f) => f.startsWith('InvalidBaseImagePlatform'))).toEqual([]);
    // A family match does not know which platforms an old tag had.
    expect(findings('FROM --platform=linux/mips64le golang:1.12-alpine\n').filter((f) => f.startsWith('InvalidBaseImagePlatform'))).toEqual([]);
  });
});

describe('the simulation', () => {
  it('still rebuilds from a known base image when it gets a new digest', () => {
    const text = 'FROM golang:1.23-alpine\nCOPY . .\nRUN go build -o $GOPATH/bin/app .\n';
    const analysis = analyze(text);
    const change = parseChange('base:golang:1.23-alpine');
    if (typeof change === 'string') throw new Error(change);
    const simulation = simulate(analysis, [change]);
    const byName = Object.fromEntries(simulation.outcomes.map((o) => [simulation.graph.ops.find((op) => op.id === o.op)?.name, o.status]));
    expect(byName).toMatchObject({ '[2/3] COPY . .': 'rebuilt', '[3/3] RUN go build -o /go/bin/app .': 'rebuilt' });
  });
});

describe('findings in stages the target does not reach', () => {
  it("name their image and its config's source, as in the target's stages", () => {
    // Lint converts every stage (no target): the first stage is linted, though the last does not use it.
    const text = 'FROM debian:bookworm AS tools\nCOPY --link tool /bin/tool\nLABEL v=$APP_HOME\nFROM scratch AS unused\nCOPY --link a /a/b\nFROM alpine:3.20\nRUN true\n';
    const found = findings(text);
    expect(found).toContain(
      'LinkThroughSymlink: /bin is a symbolic link to /usr/bin in debian:bookworm (built-in table, 2026-08-21); --link replaces it with a real directory',
    );
    // A known image: BuildKit's own text, not "may come from the base image".
    expect(found).toContain("UndefinedVar: Usage of undefined variable '$APP_HOME'");
    expect(found.filter((f) => f.startsWith('LinkReplacesDirectory'))).toEqual([]);
  });
});

describe('the graph', () => {
  it('says where each image source\'s config came from', () => {
    const images = { 'example.com/app': fileConfig({}) };
    const { graph } = analyze('FROM golang:1.19-alpine AS build\nFROM example.com/app\nCOPY --from=build /go/bin/app /app\nCOPY --from=unknown.example/x /x /x\n', { images });
    const sources = Object.fromEntries(
      graph.ops.filter((op) => op.details.identifier?.startsWith('docker-image://')).map((op) => [op.details.identifier, op.details.imageConfig]),
    );
    expect(sources['docker-image://docker.io/library/golang:1.19-alpine']).toMatch(/^built-in table golang:1\.19-alpine as golang family "alpine"/);
    expect(sources['docker-image://example.com/app']).toBe('config file img.json');
    expect(sources['docker-image://unknown.example/x']).toBe('unknown');
  });
});
