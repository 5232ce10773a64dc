import { readGatewayConfig } from "../../gateway/config";
import { type GatewayHooks, type RunningGateway, startGateway } from "../../gateway/gateway-server";
import { createTestDatabase, type TestDatabase } from "@agora-hub/subgraph-kit/testing";
import { post, type RawAnswer } from "../../gateway/protection/test/http-request";

/** The operator token registry test gateways run with. */
export const OPERATOR_TOKEN = "registry-test-operator-token-0123456789";

/** A routing URL that passes the URL check with private addresses allowed; nothing is ever fetched from it (the SDL is given). */
export const PARTNER_URL = "http://127.0.0.1:9/graphql";

/** The Federation 2 header partner SDLs of these tests start with. */
export const FEDERATION_HEADER = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** A gateway on a registry database of its own; no core subgraph runs, so tests read `__typename` and use /admin. */
export interface RegistryGateway {
  gateway: RunningGateway;
  database: TestDatabase;
  url: string;
  close: () => Promise<void>;
}

/** Starts a gateway on `database` (a fresh one by default), rate limits off unless `env` sets them. */
export async function startRegistryGateway(options: { env?: NodeJS.ProcessEnv; hooks?: GatewayHooks; database?: TestDatabase } = {}): Promise<RegistryGateway> {
  const database = options.database ?? (await createTestDatabase());
  const config = readGatewayConfig({
    DATABASE_URL: database.url,
    HOST: "127.0.0.1",
    GATEWAY_PORT: "0",
    AGORA_ADMIN_TOKEN: OPERATOR_TOKEN,
    AGORA_ALLOW_PRIVATE_SUBGRAPHS: "1",
    REGISTRY_POLL_MS: "300",
    RATE_LIMIT_PER_MINUTE_IP: "0",
    RATE_LIMIT_PER_MINUTE_KEY: "0",
    RESPONSE_CACHE_MAX_MB: "0",
    MERGE_INFLIGHT_REQUESTS: "0",
    ...options.env,
  });
  const gateway = await startGateway(config, options.hooks);
  return {
    gateway,
    database,
    url: gateway.url,
    close: async () => {
      await gateway.stop();
      if (!options.database) await database.drop();
    },
  };
}

/** What the admin API answered. */
export interface AdminAnswer {
  status: number;
  body: Record<string, any>;
}

/** Calls the admin API with a bearer token. */
export async function admin(gatewayUrl: string, token: string, method: string, path: string, body?: unknown): Promise<AdminAnswer> {
  const response = await fetch(new URL(`/admin${path}`, gatewayUrl), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Record<string, any> };
  } catch {
    return { status: response.status, body: { text } };
  }
}

/** Registers a network as the operator and returns its first API key. */
export async function addNetwork(gatewayUrl: string, slug: string): Promise<string> {
  const answer = await admin(gatewayUrl, OPERATOR_TOKEN, "POST", "/networks", { slug, name: slug });
  if (answer.status !== 201) throw new Error(`could not add network ${slug}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.apiKey as string;
}

/** A GraphQL read with a bearer token. */
export function readAs(gatewayUrl: string, token: string, query = "{ __typename }"): Promise<RawAnswer> {
  return post(gatewayUrl, query, undefined, { authorization: `Bearer ${token}` });
}
