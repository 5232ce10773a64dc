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

/** Weight of the latest hold time in the running average. */
const HOLD_SMOOTHING = 0.2;

/**
 * At most `limit` holders at once and at most `queueSize` waiting in line (first come, first served);
 * past that, `acquire` refuses at once, so excess work is turned away instead of piling up. A caller that
 * would, by the average time a slot is held, wait longer than its `maxWaitMs` is refused at once too,
 * rather than after waiting in vain.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting = new Set<Waiter>();
  /** Running average of how long a slot is held, ms (0 until the first release). */
  private holdMs = 0;

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
    if (this.waiting.size >= this.options.queueSize) return Promise.reject(new LimiterRejectedError("queue-full"));
    if (maxWaitMs !== undefined && (maxWaitMs <= 0 || this.expectedWaitMs() > maxWaitMs)) return Promise.reject(new LimiterRejectedError("timed-out"));
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

  /** How long a newcomer to the line would wait: its place in line, in slots' worth of average hold time. */
  expectedWaitMs(): number {
    return ((this.waiting.size + 1) / this.options.limit) * this.holdMs;
  }

  /** A release for one slot: hands the slot to the first in line, or frees it. */
  private releaser(): Release {
    let released = false;
    const since = performance.now();
    return () => {
      if (released) return;
      released = true;
      const held = performance.now() - since;
      this.holdMs = this.holdMs === 0 ? held : this.holdMs + HOLD_SMOOTHING * (held - this.holdMs);
      // A Set iterates in insertion order, so the longest waiter is first.
      const next = this.waiting.values().next();
      if (next.done) this.active--;
      else next.value.grant(this.releaser());
    };
  }
}
