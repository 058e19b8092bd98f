/** Starter Dockerfiles for the playground, each showing one thing `--link` does or does not do. */
export interface Starter {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  readonly compare?: string;
  readonly simulate?: readonly string[];
}

/** The Starter select's choice while the playground shows a text that is no starter's (pasted, opened or edited). */
export const OWN_FILE = { id: '', name: 'Your own Dockerfile' } as const;

/** The starter whose text `code` is, if any. */
export const starterOf = (code: string): Starter | undefined => STARTERS.find((s) => s.code === code);

export const STARTERS: readonly Starter[] = [
  {
    id: 'canonical',
    name: 'COPY versus COPY --link',
    code: 'FROM alpine\nCOPY /dir1 /dir1\n',
    compare: 'FROM alpine\nCOPY --link /dir1 /dir1\n',
  },
  {
    id: 'go-distroless',
    name: 'Go app onto distroless (where --link pays)',
    code: [
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'COPY . .',
      'RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app',
      '',
      'FROM gcr.io/distroless/static-debian12',
      'COPY --link --from=build /out/app /app',
      'ENTRYPOINT ["/app"]',
      '',
    ].join('\n'),
    simulate: ['base:gcr.io/distroless/static-debian12'],
  },
  {
    id: 'node-run-after',
    name: 'Node app: a RUN after the copy',
    code: [
      'FROM node:22-alpine',
      'WORKDIR /app',
      'COPY --link package.json package-lock.json ./',
      'RUN npm ci',
      'COPY --link . .',
      'CMD ["node", "server.js"]',
      '',
    ].join('\n'),
  },
  {
    id: 'chmod',
    name: '--chmod turns --link off',
    code: 'FROM alpine\nCOPY --link --chmod=755 entrypoint.sh /usr/local/bin/\n',
  },
  {
    id: 'build-arg',
    name: 'Build arguments and targets',
    code: [
      'ARG VERSION=1.0',
      'FROM alpine AS base',
      'ARG VERSION',
      'RUN echo "$VERSION" > /version',
      '',
      'FROM base AS release',
      'COPY --link app/ /app/',
      '',
    ].join('\n'),
  },
];

