# One image for every hub process; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/runtime/package.json packages/runtime/
COPY packages/subgraph-kit/package.json packages/subgraph-kit/
RUN npm ci
COPY tsconfig.json tsconfig.base.json ./
COPY packages packages
COPY gateway gateway
COPY registry registry
COPY domain domain
COPY subgraphs subgraphs
COPY schema schema
COPY scripts scripts
COPY testing testing
COPY bin bin
RUN npx tsc -b && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 APOLLO_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
# node_modules/@agora-hub/* link to the workspace packages.
COPY --from=build /app/packages packages
COPY --from=build /app/dist dist
COPY --from=build /app/bin bin
COPY schema schema
USER node
CMD ["node", "dist/gateway/main.js"]
