/** Why a limiter refused a slot. */
export type LimiterRejection = "queue-full" | "timed-out" | "aborted";

/** Thrown (as the rejection of `acquire`) when no slot could be had. */
export class LimiterRejectedError extends Error {
  constructor(readonly reason: LimiterRejection) {
    super(reason === "queue-full" ? "too many requests waiting" : reason === "timed-out" ? "waited too long for a slot" : "request aborted while waiting");
    this.name = "LimiterRejectedError";
  }
}

/** Gives a slot back; calling it again does nothing. */
export type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
  refuse: (reason: LimiterRejection) => void;
}

/**
 * At most `limit` holders at once and at most `queueSize` waiting in line (first come, first served);
 * past that, `acquire` refuses at once, so excess work is turned away instead of piling up.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting = new Set<Waiter>();

  constructor(readonly options: { limit: number; queueSize: number }) {
    if (!(options.limit >= 1)) throw new Error("a concurrency limit must be at least 1");
    if (!(options.queueSize >= 0)) throw new Error("a queue size cannot be negative");
  }

  /** Slots in use. */
  get running(): number {
    return this.active;
  }

  /** Callers waiting for a slot. */
  get queued(): number {
    return this.waiting.size;
  }

  /**
   * A slot now, or once one is free; refused with {@link LimiterRejectedError} when the line is full, after
   * `maxWaitMs` in line, or when `signal` aborts first.
   */
  acquire(options: { signal?: AbortSignal; maxWaitMs?: number } = {}): Promise<Release> {
    const { signal, maxWaitMs } = options;
    if (signal?.aborted) return Promise.reject(new LimiterRejectedError("aborted"));
    if (this.active < this.options.limit && this.waiting.size === 0) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.size >= this.options.queueSize || (maxWaitMs !== undefined && maxWaitMs <= 0)) {
      return Promise.reject(new LimiterRejectedError(this.waiting.size >= this.options.queueSize ? "queue-full" : "timed-out"));
    }
    return new Promise<Release>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => waiter.refuse("aborted");
      const settle = () => {
        this.waiting.delete(waiter);
        if (timer) clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      };
      const waiter: Waiter = {
        grant: (release) => {
          settle();
          resolve(release);
        },
        refuse: (reason) => {
          settle();
          reject(new LimiterRejectedError(reason));
        },
      };
      this.waiting.add(waiter);
      signal?.addEventListener("abort", onAbort, { once: true });
      if (maxWaitMs !== undefined) timer = setTimeout(() => waiter.refuse("timed-out"), maxWaitMs);
    });
  }

  /** A release for one slot: hands the slot to the first in line, or frees it. */
  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // A Set iterates in insertion order, so the longest waiter is first.
      const next = this.waiting.values().next();
      if (next.done) this.active--;
      else next.value.grant(this.releaser());
    };
  }
}
