import { ResponseCache } from "../response-cache";

const answer = (value: number) => ({ data: { value } });

describe("ResponseCache", () => {
  it("serves a stored answer until a subgraph it used announces a write", () => {
    const cache = new ResponseCache({ maxBytes: 10_000, ttlMs: 60_000 });
    expect(cache.store("people-list", answer(1), ["people"], cache.ticket(), 100)).toBe(true);
    expect(cache.store("events-list", answer(2), ["events"], cache.ticket(), 100)).toBe(true);
    cache.invalidate("people");
    expect(cache.get("people-list")).toBeUndefined();
    expect(cache.get("events-list")).toEqual(answer(2));
  });

  it("drops an answer when a subgraph its subgraphs read from announces a write", () => {
    const cache = new ResponseCache({ maxBytes: 10_000, ttlMs: 60_000, readsFrom: { search: ["people", "events"] } });
    cache.store("search", answer(1), ["search"], cache.ticket(), 100);
    cache.invalidate("events");
    expect(cache.get("search")).toBeUndefined();
  });

  it("never stores an answer whose request began before a write to a subgraph it used", () => {
    const cache = new ResponseCache({ maxBytes: 10_000, ttlMs: 60_000 });
    const ticket = cache.ticket();
    cache.invalidate("people");
    expect(cache.store("people-list", answer(1), ["people"], ticket, 100)).toBe(false);
    expect(cache.get("people-list")).toBeUndefined();
    // A write elsewhere does not stop it.
    const later = cache.ticket();
    cache.invalidate("events");
    expect(cache.store("people-list", answer(1), ["people"], later, 100)).toBe(true);
  });

  it("stores nothing begun before a flush, and a flush forgets everything", () => {
    const cache = new ResponseCache({ maxBytes: 10_000, ttlMs: 60_000 });
    cache.store("a", answer(1), ["people"], cache.ticket(), 100);
    const ticket = cache.ticket();
    cache.flush();
    expect(cache.get("a")).toBeUndefined();
    expect(cache.store("b", answer(2), ["people"], ticket, 100)).toBe(false);
    expect(cache.size).toBe(0);
  });

  it("keeps the total size within its bound, the least recently used going first", () => {
    const cache = new ResponseCache({ maxBytes: 250, ttlMs: 60_000 });
    cache.store("a", answer(1), ["people"], cache.ticket(), 100);
    cache.store("b", answer(2), ["people"], cache.ticket(), 100);
    cache.get("a");
    cache.store("c", answer(3), ["people"], cache.ticket(), 100);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toEqual(answer(1));
    expect(cache.get("c")).toEqual(answer(3));
    expect(cache.store("huge", answer(4), ["people"], cache.ticket(), 1000)).toBe(false);
    // An evicted answer leaves no tag behind: invalidating finds nothing stale to drop.
    cache.invalidate("people");
    expect(cache.size).toBe(0);
  });
});
