/** What the gateway answered, status and headers included. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

/** Sends a request to the gateway's /graphql and reads the JSON answer (a JSON body is sent as is when a string). */
export async function send(
  gatewayUrl: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; search?: string } = {},
): Promise<RawAnswer> {
  const url = new URL(`/graphql${init.search ?? ""}`, gatewayUrl);
  const response = await fetch(url, {
    method: init.method ?? "POST",
    headers: { ...(init.method === "GET" ? {} : { "content-type": "application/json" }), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: RawAnswer["body"];
  try {
    body = JSON.parse(text) as RawAnswer["body"];
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.status, headers: response.headers, body };
}

/** Posts one GraphQL operation. */
export function post(gatewayUrl: string, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<RawAnswer> {
  return send(gatewayUrl, { body: { query, variables }, headers });
}

/** The `extensions.code` of the first error, if any. */
export function firstCode(answer: RawAnswer): unknown {
  return answer.body.errors?.[0]?.extensions?.code;
}
