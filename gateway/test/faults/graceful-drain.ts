import type { ProcessHub } from "./process-hub";

/** A query that needs the events subgraph, whose traffic the test holds at its proxy. */
const EVENTS_QUERY = "query InFlight { events(first: 2) { totalCount edges { node { id } } } }";
const IN_FLIGHT = 8;
/** README: "the process exits within 10 s". */
const SHUTDOWN_BOUND_MS = 10_000;

/** Resolves once `probe` holds, polling; fails after `timeoutMs`. */
async function waitFor(probe: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Sends SIGTERM to `name` while IN_FLIGHT requests wait at the events proxy, and checks the drain: /ready
 * says 503 and new requests are refused while the held requests are still open, every held request then
 * answers 200 with its data, and the process exits 0 within the bound.
 */
export async function expectGracefulDrain(hub: ProcessHub, name: string): Promise<void> {
  const proxy = hub.proxy("events");
  proxy.hold();
  const requests = Array.from({ length: IN_FLIGHT }, () => hub.graphql(EVENTS_QUERY));
  // Held at the proxy means accepted by the gateway and not yet answered.
  await proxy.waitForHeld(IN_FLIGHT);
  const exited = hub.exited(name);
  const signalled = Date.now();
  hub.signal(name, "SIGTERM");

  await waitFor(async () => (await fetch(`${hub.gatewayUrl}ready`)).status === 503, "/ready to answer 503");
  expect(await (await fetch(`${hub.gatewayUrl}ready`)).json()).toMatchObject({ failing: ["shutting down"] });
  const refused = await hub.graphql("{ __typename }");
  expect(refused).toMatchObject({ status: 503, body: { errors: [{ extensions: { code: "SHUTTING_DOWN" } }] } });
  expect(proxy.held).toBe(IN_FLIGHT);

  proxy.release();
  const answers = await Promise.all(requests);
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toMatchObject({
      events: { totalCount: expect.any(Number), edges: [{ node: { id: expect.any(String) } }, { node: { id: expect.any(String) } }] },
    });
  }
  expect(await exited).toEqual({ code: 0, signal: null });
  expect(Date.now() - signalled).toBeLessThan(SHUTDOWN_BOUND_MS);
}
