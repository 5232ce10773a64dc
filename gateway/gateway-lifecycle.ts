import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { logger } from "@agora-hub/runtime";

/**
 * What stopping undoes, registered as startup opens each part and run last-opened first, so a stop
 * (or a startup that fails half-way) closes exactly what is open, in the reverse of its opening.
 */
export class StopSequence {
  private readonly steps: Array<{ name: string; run: () => Promise<void> }> = [];
  private stopping: Promise<void> | null = null;

  /** Registers the step that undoes what was just opened. */
  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  /** Runs every step once, last registered first; every step runs even when one fails, and the first failure is thrown. */
  run(): Promise<void> {
    this.stopping ??= (async () => {
      let failure: unknown = null;
      for (const step of [...this.steps].reverse()) {
        try {
          await step.run();
        } catch (error) {
          logger.warn({ err: error, step: step.name }, "a shutdown step failed");
          failure ??= error;
        }
      }
      if (failure) throw failure;
    })();
    return this.stopping;
  }
}

/** Listens on `host:port` and resolves with the gateway's URL once listening (`localhost` for 0.0.0.0). */
export async function listen(httpServer: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, resolve);
  });
  const address = httpServer.address() as AddressInfo;
  return `http://${host === "0.0.0.0" ? "localhost" : host}:${address.port}/`;
}
