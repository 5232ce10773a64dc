import { type Viewer } from "@agora-hub/subgraph-kit";
import { SIGNATURE_HEADERS } from "@agora-hub/runtime";
import { encodeViewer } from "@agora-hub/runtime";
import { signRequest } from "@agora-hub/runtime";
import { LANGUAGES_HEADER } from "@agora-hub/runtime";
import { outgoingCallBudget } from "@agora-hub/runtime";

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
 * Posts one GraphQL operation to a core subgraph directly, as the gateway would: signed with the caller's
 * viewer (so the owner applies its visibility rules to that viewer), with the request id and preferred
 * languages, a timeout, and no redirects. Never throws: a failure is an answer.
 */
export async function callSubgraph<TData>(
  options: { url: string; secret?: string; timeoutMs: number },
  caller: Caller,
  operation: { query: string; variables: Record<string, unknown> },
): Promise<SubgraphAnswer<TData>> {
  const body = JSON.stringify(operation);
  const viewer = encodeViewer(caller.viewer);
  // The search answers within the gateway's deadline, and stops asking when the gateway stops waiting.
  const budget = outgoingCallBudget(options.timeoutMs);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    ...budget.headers,
    "x-request-id": caller.requestId,
    ...(caller.languages.length > 0 ? { [LANGUAGES_HEADER]: caller.languages.join(",") } : {}),
    // Without a secret the subgraphs treat every request as anonymous (development only), so nothing is signed.
    ...(options.secret ? { [SIGNATURE_HEADERS.viewer]: viewer, ...signRequest({ secret: options.secret, viewer, requestId: caller.requestId, body }) } : {}),
  };
  let response: Response;
  let answer: { data?: TData | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  try {
    response = await fetch(options.url, { method: "POST", headers, body, redirect: "error", signal: budget.signal });
    answer = (await response.json()) as typeof answer;
  } catch (error) {
    return { ok: false, reason: "unavailable", detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  const errors = answer?.errors ?? [];
  const badInput = errors.filter((error) => error.extensions?.code === "BAD_USER_INPUT");
  if (badInput.length > 0) return { ok: false, reason: "bad-input", errors: badInput };
  if (!response.ok || errors.length > 0 || !answer?.data) {
    return { ok: false, reason: "unavailable", detail: `HTTP ${response.status}: ${errors.map((error) => error.message).join("; ").slice(0, 500)}` };
  }
  return { ok: true, data: answer.data };
}
