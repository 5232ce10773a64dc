import { performance } from "node:perf_hooks";
import { Pool } from "undici";

/** What one request carries: its body and headers (a signed call to a subgraph needs a fresh token each time). */
export interface BenchRequest {
  body: string;
  headers: Record<string, string>;
}

/** How to make the next request to a target (the bench's own signing, if any, happens here, before the clock starts). */
export type RequestFactory = () => BenchRequest | Promise<BenchRequest>;

/** The outcome of one measured window. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
  /** The first error seen, for the report. */
  firstError?: string;
}

/** A keep-alive connection pool to one GraphQL endpoint on 127.0.0.1. */
export class LoadTarget {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(
    readonly url: string,
    private readonly next: RequestFactory,
    connections: number,
  ) {
    const parsed = new URL(url);
    if (parsed.hostname !== "127.0.0.1") throw new Error(`bench traffic goes to 127.0.0.1 only, not ${url}`);
    this.pool = new Pool(parsed.origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
    this.path = parsed.pathname;
  }

  /** One request: status and body text. */
  async send(): Promise<{ status: number; text: string }> {
    const { body, headers } = await this.next();
    const response = await this.pool.request({
      method: "POST",
      path: this.path,
      body,
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    return { status: response.statusCode, text: await response.body.text() };
  }

  /**
   * Closed loop: `clients` loops, each sending its next request when the previous answer has been read, until
   * `seconds` have passed or `maxRequests` have been sent. An answer counts as an error unless it is a 200 whose
   * body holds no `"errors"` (a string check, so the load generator does not parse 35 kB answers).
   */
  async run(clients: number, seconds: number, maxRequests: number): Promise<LoadResult> {
    const latenciesMs: number[] = [];
    let sent = 0;
    let errors = 0;
    let firstError: string | undefined;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const loop = async () => {
      while (sent < maxRequests && performance.now() < deadline) {
        sent++;
        const begin = performance.now();
        try {
          const { status, text } = await this.send();
          latenciesMs.push(performance.now() - begin);
          if (status !== 200 || text.includes('"errors"')) {
            errors++;
            firstError ??= `${status} ${text.slice(0, 300)}`;
          }
        } catch (error) {
          latenciesMs.push(performance.now() - begin);
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, loop));
    return { requests: latenciesMs.length, errors, seconds: (performance.now() - started) / 1000, latenciesMs, firstError };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

/** The q-quantile (0..1) of some numbers, by nearest rank; NaN for none. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The median of some numbers; NaN for none. */
export function median(values: number[]): number {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return Number.NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
