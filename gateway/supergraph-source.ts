import type { SupergraphManager } from "@apollo/gateway";
import type { DataSource } from "typeorm";
import { ANONYMOUS, createSubgraphDataSource, openSubgraphDatabase } from "@agora-hub/runtime";
import { loadCoreSubgraphs } from "../registry/composition/composition";
import { fetchSubgraphSdl } from "../registry/fetch-sdl";
import { CreateRegistry1764100000000 } from "../registry/migrations/1764100000000-create-registry";
import { RegistryRevision1765200000000 } from "../registry/migrations/1765200000000-registry-revision";
import { SupergraphInputsHash1765300000000 } from "../registry/migrations/1765300000000-supergraph-inputs-hash";
import { NetworkTrustAndModerators1766000000000 } from "../registry/migrations/1766000000000-network-trust-and-moderators";
import { REGISTRY_ENTITIES } from "../registry/registry.entities";
import { type ComposeFunction, PartnerRegistry } from "../registry/registry.service";
import { supergraphFromRegistry } from "../registry/registry-supergraph";
import type { GatewayConfig } from "./config";
import { createGuardedFetcher } from "./partner-traffic/guarded-fetch";
import { supergraphFromFile } from "./supergraph-file";

/** Largest SDL a partner may publish. */
const MAX_PARTNER_SDL_BYTES = 256 * 1024;
/** Connections of the registry's own pools: registry work (publishing, admin reads) and API-key lookups. */
const REGISTRY_POOL_SIZE = 4;
const REGISTRY_AUTH_POOL_SIZE = 2;

/** Test hooks of `startGateway`. */
export interface GatewayHooks {
  /** Replaces the registry's composition (tests make it slow). */
  compose?: ComposeFunction;
}

/** Where the gateway's supergraph comes from: a file, or the partner registry (then also the registry itself). */
export interface OpenedSupergraphSource {
  /** What the Apollo gateway loads the supergraph from and follows for updates. */
  manager: SupergraphManager;
  /** The partner registry, when the supergraph comes from it. */
  registry: PartnerRegistry | null;
  /** The registry's database, for readiness checks. */
  registryDatabase: DataSource | null;
  /** Closes the registry's database pools (nothing for a file). */
  close: () => Promise<void>;
}

/**
 * Opens the registry's schema and the registry on it, with a pool of its own for registry work and a
 * second one for API-key lookups, so publishing never starves authentication.
 */
async function openRegistry(
  config: GatewayConfig,
  databaseUrl: string,
  hooks: GatewayHooks,
): Promise<{ registry: PartnerRegistry; dataSource: DataSource; close: () => Promise<void> }> {
  const database = {
    url: databaseUrl,
    schema: "registry",
    entities: REGISTRY_ENTITIES,
    migrations: [CreateRegistry1764100000000, RegistryRevision1765200000000, SupergraphInputsHash1765300000000, NetworkTrustAndModerators1766000000000],
  };
  const dataSource = await openSubgraphDatabase({ ...database, poolSize: REGISTRY_POOL_SIZE });
  const authDataSource = createSubgraphDataSource({ ...database, migrations: [], poolSize: REGISTRY_AUTH_POOL_SIZE });
  try {
    await authDataSource.initialize();
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  const fetcher = createGuardedFetcher({
    timeoutMs: config.partnerTimeoutMs,
    maxResponseBytes: MAX_PARTNER_SDL_BYTES,
    allowPrivate: config.allowPrivateSubgraphs,
  });
  const registry = new PartnerRegistry(dataSource, {
    coreSubgraphs: loadCoreSubgraphs(),
    operatorToken: config.adminToken,
    allowPrivate: config.allowPrivateSubgraphs,
    // As an anonymous viewer, with a token for the subgraph's registered name, like every request the hub sends it.
    fetchSdl: (url, name) => fetchSubgraphSdl(url, fetcher, (body) => config.signer.sign({ audience: name, viewer: ANONYMOUS, body })),
    requireHttps: config.production,
    maxSdlBytes: MAX_PARTNER_SDL_BYTES,
    authDataSource,
    compose: hooks.compose,
  });
  const close = async () => {
    await Promise.all([dataSource.destroy(), authDataSource.destroy()]);
  };
  return { registry, dataSource, close };
}

/** Opens the configured supergraph source: the partner registry (migrated, polled) or a file (reloaded when it changes). */
export async function openSupergraphSource(config: GatewayConfig, hooks: GatewayHooks = {}): Promise<OpenedSupergraphSource> {
  const source = config.supergraph;
  if (source.kind === "file") {
    return { manager: supergraphFromFile(source.file), registry: null, registryDatabase: null, close: async () => {} };
  }
  const opened = await openRegistry(config, source.databaseUrl, hooks);
  return {
    manager: supergraphFromRegistry(opened.registry, { databaseUrl: source.databaseUrl, pollIntervalMs: source.pollIntervalMs }),
    registry: opened.registry,
    registryDatabase: opened.dataSource,
    close: opened.close,
  };
}
