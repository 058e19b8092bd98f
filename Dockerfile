# syntax=docker/dockerfile:1
# A small image of the layerwise CLI: Node and the one bundled file, nothing else.
#   npm run build:cli && docker build -t layerwise .
#   docker run --rm -v "$PWD:/work" layerwise lint Dockerfile
FROM node:22-alpine
WORKDIR /work
# Last, and linked: a new bundle replaces one layer, and a new node:22 base reuses it.
COPY --link dist-cli/layerwise.mjs /opt/layerwise/layerwise.mjs
USER node
ENTRYPOINT ["node", "/opt/layerwise/layerwise.mjs"]
CMD ["--help"]
