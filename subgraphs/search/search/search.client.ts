import type { HubTokenSigner } from "@agora-hub/runtime";
import { callPeer, PeerUnavailableError, type Viewer } from "@agora-hub/subgraph-kit";

/** Who is asking, as the search subgraph received it from the gateway; passed on to every searched subgraph. */
export interface Caller {
  viewer: Viewer;
  requestId: string;
  languages: string[];
}

/** What one searched subgraph answered: data, or why there is none. */
export type SubgraphAnswer<TData> =
  | { ok: true; data: TData }
  | { ok: false; reason: "unavailable"; detail: string }
  | { ok: false; reason: "bad-input"; errors: Array<{ message: string; extensions?: Record<string, unknown> }> };

/**
 * Posts one GraphQL operation to the searched subgraph `subgraph` through the kit's peer client: with a hub
 * token for the caller's viewer (so the owner applies its visibility rules to that viewer), the request id and
 * preferred languages, within the time left. Never throws: a failure is an answer.
 */
export async function callSubgraph<TData>(
  options: { subgraph: string; url: string; signer?: HubTokenSigner; timeoutMs: number },
  caller: Caller,
  operation: { query: string; variables: Record<string, unknown> },
): Promise<SubgraphAnswer<TData>> {
  let answer;
  try {
    answer = await callPeer<TData>(
      { urls: { [options.subgraph]: options.url }, signer: options.signer, timeoutMs: options.timeoutMs },
      options.subgraph,
      caller,
      operation,
    );
  } catch (error) {
    return { ok: false, reason: "unavailable", detail: error instanceof PeerUnavailableError ? error.detail : String(error) };
  }
  const errors = answer.errors ?? [];
  const badInput = errors.filter((error) => error.extensions?.code === "BAD_USER_INPUT");
  if (badInput.length > 0) return { ok: false, reason: "bad-input", errors: badInput };
  if (answer.status !== 200 || errors.length > 0 || !answer.data) {
    return {
      ok: false,
      reason: "unavailable",
      detail: `HTTP ${answer.status}: ${errors
        .map((error) => error.message)
        .join("; ")
        .slice(0, 500)}`,
    };
  }
  return { ok: true, data: answer.data };
}
