/**
 * Most token ids a subgraph remembers at once; past it, tokens are refused until old ones expire (forgetting
 * one early would let it be replayed). Far above what the gateway sends in one token lifetime.
 */
const MAX_REMEMBERED_IDS = 1_000_000;

/** The token ids (`jti`) one subgraph has accepted, each remembered until its token expires. */
export interface ReplayGuard {
  /** Records `id` (valid until `expiresAt`, ms), unless it was seen before or the guard is full. */
  accept: (id: string, expiresAt: number, now: number) => "accepted" | "replayed" | "too many";
  /** Ids remembered now. */
  readonly size: number;
}

/** A replay guard whose memory is bounded by the token lifetime: expired ids are dropped as new ones arrive. */
export function createReplayGuard(options: { maxEntries?: number } = {}): ReplayGuard {
  const maxEntries = options.maxEntries ?? MAX_REMEMBERED_IDS;
  // Insertion order is nearly expiry order (tokens live equally long, clocks differ a little), so pruning from the front suffices.
  const seen = new Map<string, number>();
  const prune = (now: number) => {
    for (const [id, expiresAt] of seen) {
      if (expiresAt > now) break;
      seen.delete(id);
    }
  };
  return {
    accept: (id, expiresAt, now) => {
      prune(now);
      const known = seen.get(id);
      if (known !== undefined && known > now) return "replayed";
      if (seen.size >= maxEntries) {
        // A full sweep before refusing, in case skewed entries at the front hid expired ones behind them.
        for (const [key, at] of seen) if (at <= now) seen.delete(key);
        if (seen.size >= maxEntries) return "too many";
      }
      seen.set(id, expiresAt);
      return "accepted";
    },
    get size() {
      return seen.size;
    },
  };
}
