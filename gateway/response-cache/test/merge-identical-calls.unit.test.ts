import type { SubgraphFetcher } from "../../partner-traffic/guarded-fetch";
import { mergeIdenticalCalls } from "../merge-identical-calls";

/** A subgraph transport that answers each call with its call number, once `release` is called. */
function heldTransport(options: { fail?: boolean } = {}) {
  let calls = 0;
  const waiting: Array<() => void> = [];
  const fetcher = (async () => {
    calls += 1;
    const number = calls;
    await new Promise<void>((resolve) => waiting.push(resolve));
    if (options.fail && number === 1) throw new Error("subgraph request abandoned: client went away");
    return new Response(JSON.stringify({ data: { call: number } }), { headers: { "content-type": "application/json" } });
  }) as unknown as SubgraphFetcher;
  return {
    fetcher: Object.assign(fetcher, { close: async () => {} }),
    calls: () => calls,
    release: () => waiting.splice(0).forEach((resolve) => resolve()),
  };
}

const READ = JSON.stringify({ query: "query People__people__0 { people(first: 2) { totalCount } }", variables: {} });
const WRITE = JSON.stringify({ query: "mutation Create__people__0 { createPerson(input: {}) { id } }", variables: {} });

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("mergeIdenticalCalls", () => {
  it("calls the subgraph once for identical reads in flight at once, each caller reading its own copy", async () => {
    const transport = heldTransport();
    const merged = mergeIdenticalCalls(transport.fetcher, () => "anonymous");
    const answers = Array.from({ length: 5 }, () => merged("http://people/graphql", { method: "POST", body: READ }));
    await until(() => transport.calls() === 1);
    transport.release();
    const bodies = await Promise.all(answers.map(async (answer) => (await answer).json()));
    expect(transport.calls()).toBe(1);
    expect(bodies).toEqual(Array.from({ length: 5 }, () => ({ data: { call: 1 } })));
    expect(new Set(bodies).size).toBe(5);
  });

  it("never merges mutations, other viewers, or callers without a key", async () => {
    const transport = heldTransport();
    const viewers = ["network:a", "network:b", null, null];
    let next = 0;
    const merged = mergeIdenticalCalls(transport.fetcher, () => viewers[next++ % viewers.length]);
    const calls = [
      merged("http://people/graphql", { method: "POST", body: READ }),
      merged("http://people/graphql", { method: "POST", body: READ }),
      merged("http://people/graphql", { method: "POST", body: READ }),
      merged("http://people/graphql", { method: "POST", body: WRITE }),
      merged("http://people/graphql", { method: "POST", body: WRITE }),
    ];
    await until(() => transport.calls() === 5);
    transport.release();
    await Promise.all(calls);
    expect(transport.calls()).toBe(5);
  });

  it("lets each caller that shared a failed call make its own", async () => {
    const transport = heldTransport({ fail: true });
    const merged = mergeIdenticalCalls(transport.fetcher, () => "anonymous");
    const first = merged("http://people/graphql", { method: "POST", body: READ });
    const second = merged("http://people/graphql", { method: "POST", body: READ });
    await until(() => transport.calls() === 1);
    transport.release();
    await expect(first).rejects.toThrow("client went away");
    await until(() => transport.calls() === 2);
    transport.release();
    expect(await (await second).json()).toEqual({ data: { call: 2 } });
  });
});
