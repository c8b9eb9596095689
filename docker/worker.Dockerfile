# Docket worker: `docker build -f docker/worker.Dockerfile .` from the repository root (docker-compose.yml does this).
# It publishes no port, so `docker compose up --scale worker=N` runs N of them side by side.

# --- build: the full toolchain compiles TypeScript to dist/ ---
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.base.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

# --- runtime: production dependencies and the compiled output only ---
FROM node:20-slim AS runtime
ENV NODE_ENV=production
ENV WORKER_HEALTH_PORT=3001
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY scripts/register-dist-paths.cjs ./scripts/register-dist-paths.cjs
COPY tsconfig.base.json ./
# DATA_DIR (default ./.data) must be writable by the unprivileged user, should anyone run the image without DATABASE_URL.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
# The health endpoint is container-internal (the HEALTHCHECK below); it is never published.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WORKER_HEALTH_PORT||3001)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "-r", "./scripts/register-dist-paths.cjs", "dist/apps/worker/src/main.js"]
