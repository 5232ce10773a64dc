/** What a GraphQL client receives. */
export interface GraphQLAnswer<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** Posts a GraphQL operation to the gateway like a partner platform would. */
export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLAnswer<TData>> {
  const response = await fetch(new URL("/graphql", url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer<TData>;
}

/**
 * Retries `attempt` until `done` accepts its answer or the time is up; returns the last answer. An attempt
 * that throws (a connection reset while the server is busy) counts as "not yet"; at the deadline the last
 * error is thrown.
 */
export async function waitFor<T>(attempt: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let outcome: { value: T } | { error: unknown };
    try {
      outcome = { value: await attempt() };
    } catch (error) {
      outcome = { error };
    }
    if ("value" in outcome && (done(outcome.value) || Date.now() > deadline)) return outcome.value;
    if ("error" in outcome && Date.now() > deadline) throw outcome.error;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
