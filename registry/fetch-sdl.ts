import type { RemoteGraphQLDataSource } from "@apollo/gateway";

/**
 * Asks a subgraph for its SDL (`_service { sdl }`), through the given (guarded) fetcher; `token` makes the
 * hub token the request carries (a subgraph that verifies tokens answers nothing without one).
 */
export async function fetchSubgraphSdl(url: string, fetcher: RemoteGraphQLDataSource["fetcher"], token?: (body: string) => Promise<string>): Promise<string> {
  const request = JSON.stringify({ query: "query AgoraRegistryFetchSdl { _service { sdl } }" });
  const response = await fetcher(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${await token(request)}` } : {}) },
    body: request,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { data?: { _service?: { sdl?: unknown } } };
  const sdl = body.data?._service?.sdl;
  if (typeof sdl !== "string") throw new Error("the answer holds no _service.sdl: is it a Federation 2 subgraph?");
  return sdl;
}
