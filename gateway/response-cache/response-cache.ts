import type { FormattedExecutionResult } from "graphql";
import { LRUCache } from "lru-cache";

/** A stored answer and the subgraphs whose writes make it stale. */
interface CacheEntry {
  result: FormattedExecutionResult;
  tags: readonly string[];
}

/** Where a request stands against the cache's history of writes: taken when it starts, checked when it is stored. */
export type CacheTicket = number;

/** Bounds of the response cache. */
export interface ResponseCacheOptions {
  /** Largest total size of the stored answers (their JSON length, in bytes). */
  maxBytes: number;
  /** Longest an answer is served, however quiet the subgraphs it came from. */
  ttlMs: number;
  /**
   * The subgraphs each subgraph reads at query time besides its own schema (the search subgraph reads its
   * peers): an answer that used `name` goes stale with a write to any of `readsFrom[name]` too.
   */
  readsFrom?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The gateway's store of whole answers, each tagged with the subgraphs it came from, and dropped the moment
 * one of them announces a committed write (`invalidate`). An answer whose request began before a write it
 * may have missed is never stored (`ticket` / `store`), so a write racing a read cannot leave a stale answer
 * behind. Bounded by total size (least recently used go first) and by age.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CacheEntry>;
  /** Keys of the entries that carry each tag. */
  private readonly byTag = new Map<string, Set<string>>();
  private readonly readsFrom: Readonly<Record<string, readonly string[]>>;
  /** Counts every invalidation and flush; a ticket is its value when a request starts. */
  private sequence = 0;
  private readonly lastWrite = new Map<string, number>();
  private lastFlush = 0;

  constructor(options: ResponseCacheOptions) {
    this.readsFrom = options.readsFrom ?? {};
    this.entries = new LRUCache<string, CacheEntry>({
      maxSize: options.maxBytes,
      ttl: options.ttlMs,
      // Sized when stored (see `store`); nothing is stored without a size.
      sizeCalculation: () => 1,
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  /** Number of stored answers. */
  get size(): number {
    return this.entries.size;
  }

  /** The stored answer for `key`, if any and still fresh. */
  get(key: string): FormattedExecutionResult | undefined {
    return this.entries.get(key)?.result;
  }

  /** To be taken when a request starts, before it reads any subgraph; `store` needs it. */
  ticket(): CacheTicket {
    return this.sequence;
  }

  /**
   * Stores `result`, which read the subgraphs `used`, unless a write to one of them (or a flush) was announced
   * since `ticket` was taken. Returns whether it was stored.
   */
  store(key: string, result: FormattedExecutionResult, used: Iterable<string>, ticket: CacheTicket, bytes: number): boolean {
    if (this.lastFlush > ticket) return false;
    const tags = new Set<string>();
    for (const name of used) {
      tags.add(name);
      for (const read of this.readsFrom[name] ?? []) tags.add(read);
    }
    for (const tag of tags) if ((this.lastWrite.get(tag) ?? 0) > ticket) return false;
    const entry = { result, tags: [...tags] };
    this.entries.set(key, entry, { size: Math.max(1, bytes) });
    if (!this.entries.has(key)) return false;
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return true;
  }

  /** A write to `subgraph` committed: every answer that used it goes. */
  invalidate(subgraph: string): void {
    this.sequence += 1;
    this.lastWrite.set(subgraph, this.sequence);
    const keys = this.byTag.get(subgraph);
    if (!keys) return;
    for (const key of [...keys]) this.entries.delete(key);
  }

  /** Forgets every answer (a new supergraph, or writes that may have gone unheard). */
  flush(): void {
    this.sequence += 1;
    this.lastFlush = this.sequence;
    this.entries.clear();
    this.byTag.clear();
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }
}
