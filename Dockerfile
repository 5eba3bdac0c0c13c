# syntax=docker/dockerfile:1
#
# One image for the API, the projector and the CLI (they differ only in the command; see docker-compose.yml).
#
#   docker build -t partnership-crm .                 # production image (the last stage, `runtime`)
#   docker build --target test .                      # unit, contract and end-to-end tests on the built bundles
#
# No Docker engine runs on the project's machines; test/ops/docker-build.spec.ts replays the RUN lines of the
# `build` stage (only those: they must stay runnable outside Docker) on a copy of exactly what that stage COPYs,
# then checks the entry files named in this file and in docker-compose.yml.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: the toolchain and every dependency (dev included: the build needs @nestjs/cli and TypeScript) ----
FROM ${NODE_IMAGE} AS deps
# better-sqlite3 compiles its native addon with node-gyp when no prebuilt binary fits: python3, make, g++.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# node-gyp builds against the headers this Node ships (in /usr/local/include/node) instead of downloading them.
ENV npm_config_nodedir=/usr/local
# The npm the project uses (the image ships npm 10): npm 11 runs only the install scripts package.json's
# "allowScripts" allows, npm 10 would run them all.
ARG NPM_VERSION=11.19.1
RUN npm install -g npm@${NPM_VERSION} --no-audit --no-fund
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---- build: the production bundles, dist/apps/{api,projector,cli}/... (package.json "build") ----
FROM deps AS build
COPY nest-cli.json tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

# ---- test: the suites that need no servers, against the bundles just built ----
FROM build AS test
COPY jest.config.js ./
COPY test ./test
RUN npx jest --selectProjects unit contract e2e

# ---- prod-deps: node_modules without dev dependencies (keeps better-sqlite3's compiled addon) ----
FROM build AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime: what runs in production, as the unprivileged `node` user (uid 1000) of the Node image ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# DATA_DIR: the embedded log and read models when no EVENTSTORE_URL / MONGODB_URL is set, and the generated
# development JWT secret when neither AUTH_JWKS_URL nor AUTH_JWT_SECRET is.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# No HEALTHCHECK here: the projector shares this image and serves no HTTP; docker-compose.yml checks the API's /health.
# The API by default; the projector runs `node dist/apps/projector/apps/projector/src/main.js`,
# the CLI `node dist/apps/cli/apps/cli/src/main.js <command>`.
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
