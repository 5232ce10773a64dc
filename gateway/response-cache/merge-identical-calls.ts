import type { SubgraphFetcher } from "../partner-traffic/guarded-fetch";

type Fetcher = SubgraphFetcher;
type FetchInit = NonNullable<Parameters<Fetcher>[1]>;
type FetchResponse = Awaited<ReturnType<Fetcher>>;

/** Gateway-made subgraph operations that only read: `query …` or a bare selection set; mutations never merge. */
const READ_OPERATION = /^\{"query":"(?:query\b|\{)/;

/**
 * Subgraph calls that are identical — same URL, same `key` (the viewer and whatever else the answer depends on)
 * and same body; a null key merges nothing) — while one of them is in flight share its answer: the subgraph answers once. Only reads are
 * merged. A caller sharing an answer gets its own copy (answers are parsed per caller); when the shared call
 * fails, each caller that was waiting for it makes its own call, so one client's abandoned request never
 * costs another its answer.
 */
export function mergeIdenticalCalls(inner: Fetcher, key: (init: FetchInit) => string | null): Fetcher {
  const inFlight = new Map<string, Promise<FetchResponse>>();
  const fetcher = (async (url: string, init: FetchInit = {}) => {
    const body = typeof init.body === "string" ? init.body : null;
    const callKey = body !== null && READ_OPERATION.test(body) ? key(init) : null;
    if (callKey === null) return inner(url, init);
    const id = `${url}\0${callKey}\0${body}`;
    const pending = inFlight.get(id);
    if (pending) {
      try {
        return (await pending).clone();
      } catch {
        return inner(url, init);
      }
    }
    const call = inner(url, init);
    inFlight.set(id, call);
    try {
      const response = await call;
      // The caller that made the call reads the original; those that shared it read clones made before that.
      return response;
    } finally {
      inFlight.delete(id);
    }
  }) as Fetcher;
  return Object.assign(fetcher, { close: () => inner.close() });
}
