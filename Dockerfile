# syntax=docker/dockerfile:1
# Parley's production image: one image, three commands (docs/operations.md).
#   web      node dist/web.mjs        (the default; HEALTHCHECK below)
#   worker   node dist/worker.mjs     (health: node dist/healthcheck.mjs worker)
#   migrate  node dist/migrate.mjs    (one-shot, before web and worker start on a new release)
# The runtime stage holds Next.js's standalone output completed by scripts/assemble-standalone.mjs: the
# compiled JavaScript and the production packages it needs, no TypeScript, no dev dependencies, no compiler.
# BASE is a build argument so the image can be built where no registry is reachable (see docs/operations.md).
ARG BASE=node:22-bookworm-slim

# --- deps: every package, dev ones included (the build needs Next.js's compiler, esbuild, Prisma's CLI) ---
FROM ${BASE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# `npm ci` runs the postinstall (Prisma client generation), which reads the schema.
COPY prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/generate-client.mjs ./scripts/
# `npm ci` refuses a lockfile that lacks other platforms' optional packages (a registry mirror serving Linux
# builds only cannot record them); `npm install` then installs the versions the lockfile pins (as .ci/run).
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund

# --- build: .next (with output: "standalone"), dist/*.mjs, and the assembled runtime folder ---
FROM deps AS build
COPY . .
RUN npm run build

# --- runtime: a non-root user, the assembled folder, nothing else ---
FROM ${BASE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    PARLEY_DATA_DIR=/data \
    PARLEY_HEARTBEAT_FILE=/tmp/parley-worker.alive
WORKDIR /app
# Code is root's and read-only to the app; it writes only to /data (uploads, media: shared by web and worker,
# a volume) and Next.js's cache.
RUN groupadd --system --gid 10001 parley \
 && useradd --system --uid 10001 --gid parley --home-dir /app --shell /usr/sbin/nologin parley \
 && mkdir -p /data /app/.next/cache \
 && chown parley:parley /data /app/.next/cache
COPY --from=build /app/.next/standalone ./
USER parley
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=6s --start-period=40s --retries=3 CMD ["node", "dist/healthcheck.mjs", "web"]
# Node stops on SIGTERM through each entry point's own handler (in-flight requests and the job in hand finish).
CMD ["node", "--enable-source-maps", "dist/web.mjs"]
