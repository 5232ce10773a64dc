import type { EntityManager } from "typeorm";
import { searchClauses, ALERT_RECORD_TYPES, type SavedSearchCriteriaData } from "./matching.terms";

/** A saved search a change matched, with what delivering to it needs. */
export interface MatchedSearch {
  id: string;
  channel: "WEBHOOK" | "EMAIL" | "FEED";
  frequency: "IMMEDIATE" | "DAILY" | "WEEKLY";
  includeUpdates: boolean;
  /** Whether this search had matched the record before (so this change is an update to it, not news). */
  matchedBefore: boolean;
}

/**
 * The matching statement ($1 the record type, $2 its terms, $3 its id): from the anchors (an index probe per
 * term), then each candidate by its key and its own clauses (OFFSET 0 keeps the planner from flattening that into
 * a scan of every saved search or every clause, as it would on a poor estimate of the candidates).
 */
export const MATCHING_SQL = `SELECT s.id, s.channel, s.frequency, s.include_updates AS "includeUpdates",
       EXISTS (SELECT 1 FROM alert_match m WHERE m.saved_search_id = s.id AND m.record_type = $1 AND m.record_id = $3) AS "matchedBefore"
FROM (SELECT DISTINCT a.saved_search_id FROM saved_search_anchor a WHERE a.record_type = $1 AND a.term = ANY($2::text[])) AS candidate
CROSS JOIN LATERAL (
  SELECT * FROM saved_search
  WHERE id = candidate.saved_search_id AND state = 'ACTIVE'
    AND NOT EXISTS (SELECT 1 FROM saved_search_clause c WHERE c.saved_search_id = candidate.saved_search_id AND NOT (c.terms && $2::text[]))
  OFFSET 0
) AS s`;

/**
 * The active saved searches a record of `recordType` with `terms` matches: the candidates filed under any of its
 * terms (an index lookup per term), kept when every one of their clauses shares a term with the record. Its cost
 * grows with the record's terms and the candidates, not with the number of saved searches.
 */
export async function findMatchingSearches(manager: EntityManager, recordType: string, recordId: string, terms: string[]): Promise<MatchedSearch[]> {
  // A handful of index probes: starting parallel workers would cost more than the statement (in the caller's transaction only).
  await manager.query("SET LOCAL max_parallel_workers_per_gather = 0");
  return (await manager.query(MATCHING_SQL, [recordType, terms, recordId])) as MatchedSearch[];
}

/** Files a saved search's clauses and anchors (replacing any it had), in the caller's transaction. */
export async function indexSavedSearch(manager: EntityManager, savedSearchId: string, criteria: SavedSearchCriteriaData): Promise<void> {
  const { clauses, anchors } = searchClauses(criteria);
  await manager.query("DELETE FROM saved_search_clause WHERE saved_search_id = $1", [savedSearchId]);
  await manager.query("DELETE FROM saved_search_anchor WHERE saved_search_id = $1", [savedSearchId]);
  if (clauses.length > 0) {
    await manager.query(
      `INSERT INTO saved_search_clause (saved_search_id, position, terms)
       SELECT $1, position - 1, ARRAY(SELECT jsonb_array_elements_text(clause)) FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS c(clause, position)`,
      [savedSearchId, JSON.stringify(clauses)],
    );
  }
  const recordTypes = criteria.types.map((type) => ALERT_RECORD_TYPES[type]);
  await manager.query(
    `INSERT INTO saved_search_anchor (record_type, term, saved_search_id)
     SELECT record_type, term, $3 FROM unnest($1::text[]) AS record_type CROSS JOIN unnest($2::text[]) AS term`,
    [recordTypes, anchors, savedSearchId],
  );
}
