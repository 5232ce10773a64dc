import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { DataSource } from "typeorm";
import { ensureDatabase, openSubgraphDatabase } from "@agora-hub/runtime";
import type { ChangeDocument } from "@agora-hub/subgraph-kit";
import { alertsSubgraph } from "../../subgraphs/alerts/alerts.subgraph";
import { findMatchingSearches, MATCHING_SQL } from "../../subgraphs/alerts/matching/matching.service";
import {
  ALERT_RECORD_TYPES,
  type AlertRecordTypeKey,
  documentTerms,
  type SavedSearchCriteriaData,
  searchClauses,
} from "../../subgraphs/alerts/matching/matching.terms";
import { dropBenchDatabase, openBenchServer } from "./bench-server";

/*
 * `npm run bench:alerts`: what matching one change costs as saved searches grow from 1 000 to 100 000. The
 * searches are realistic mixes of criteria (countries, disciplines, types, languages, words; some with types
 * only) over values the probe changes never hold, plus the same MATCHING searches that do match every probe, so
 * the answer is the same at every size and only the number of searches changes. Each change is matched the
 * alerts subgraph's way (anchors: an index lookup per term of the change, then the candidates' clauses) and,
 * as the baseline, by checking every saved search's clauses ("re-running every search"). PASS when the
 * anchored median at 100 000 is within 1.5× of that at 1 000. Its own database on DATABASE_URL's server or a
 * throw-away embedded PostgreSQL.
 */

const SIZES = [1_000, 10_000, 100_000];
const MATCHING = 50;
const PROBES = 200;
const TARGET_RATIO = 1.5;
const BATCH = 5_000;

/** A small deterministic PRNG (mulberry32), so every run builds the same searches. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(2026);
const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
const some = <T>(values: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(values)))];

// Values the noise searches use; the probes hold none of them.
const NOISE_COUNTRIES = [
  "FR",
  "DE",
  "IT",
  "ES",
  "PT",
  "GR",
  "PL",
  "RO",
  "SE",
  "NL",
  "BE",
  "AT",
  "HU",
  "CZ",
  "IE",
  "DK",
  "FI",
  "EG",
  "JO",
  "LB",
  "DZ",
  "LY",
  "IL",
  "PS",
  "TR",
];
const NOISE_DISCIPLINES = [
  "MUSIC",
  "PERFORMING_ARTS_AND_CELEBRATION",
  "BOOKS_AND_PRESS",
  "AUDIOVISUAL_AND_INTERACTIVE_MEDIA",
  "DESIGN_AND_CREATIVE_SERVICES",
  "CULTURAL_AND_NATURAL_HERITAGE",
];
const NOISE_WORDS = Array.from({ length: 3000 }, (_, index) => `noiseword${index.toString(36)}`);
const NOISE_LANGUAGES = ["de", "it", "pl", "sv", "nl", "el", "hu", "tr"];
const OPPORTUNITY_TYPES = ["GRANT", "MOBILITY_GRANT", "OPEN_CALL", "PRIZE", "JOB", "INTERNSHIP", "TRAINING_COURSE"];
const TYPES = Object.keys(ALERT_RECORD_TYPES) as AlertRecordTypeKey[];

/** A noise search: realistic criteria over values the probes never hold (every one has a criterion, as a search with types only matches everything of its types). */
function noiseCriteria(): SavedSearchCriteriaData {
  const type = random() < 0.5 ? "OPPORTUNITY" : pick(TYPES);
  const criteria: SavedSearchCriteriaData = { types: [type] };
  const roll = random();
  if (roll < 0.45) criteria.countries = some(NOISE_COUNTRIES, 3);
  else if (roll < 0.7) criteria.query = some(NOISE_WORDS, 2).join(" ");
  else if (roll < 0.9) criteria.disciplines = some(NOISE_DISCIPLINES, 2);
  else criteria.languages = some(NOISE_LANGUAGES, 2);
  if (random() < 0.3) criteria.networks = [pick(["culture-agora", "creative-tracks", "design-hub"])];
  if (type === "OPPORTUNITY" && random() < 0.3) criteria.opportunityTypes = some(OPPORTUNITY_TYPES, 2);
  return criteria;
}

/** The searches every probe matches: by country, discipline (a domain), type, words, or types alone. */
function matchingCriteria(index: number): SavedSearchCriteriaData {
  const kinds: SavedSearchCriteriaData[] = [
    { types: ["OPPORTUNITY"], countries: ["TN", "MA"] },
    { types: ["OPPORTUNITY"], disciplines: ["VISUAL_ARTS_AND_CRAFTS"], opportunityTypes: ["RESIDENCY"] },
    { types: ["OPPORTUNITY"], query: "photography residency" },
    { types: ["OPPORTUNITY", "EVENT"], languages: ["fr"], countries: ["TN"] },
    { types: ["OPPORTUNITY"] },
  ];
  return kinds[index % kinds.length];
}

/** A probe change: an opportunity in Tunisia, photography, French and Arabic, a few hundred words of text. */
function probeDocument(index: number): ChangeDocument {
  const filler = Array.from({ length: 250 }, (_, word) => `word${(index * 31 + word) % 4000}`).join(" ");
  return {
    terms: {
      countries: ["TN"],
      disciplines: ["PHOTOGRAPHY", "VISUAL_ARTS_AND_CRAFTS"],
      languages: ["fr", "ar"],
      networks: ["culture-agora"],
      opportunityTypes: ["RESIDENCY"],
      eligibleFor: ["*"],
    },
    text: `Photography residency ${index} in Tunis\nA residency for photographers. ${filler}`,
    title: { originalLanguage: "en", translations: [{ lang: "en", value: `Photography residency ${index}`, machineTranslated: false }] },
    summary: null,
    deadline: null,
    path: `/opportunities/${randomUUID()}`,
  };
}

/** Inserts searches with their clauses and anchors in batches (the same rows `indexSavedSearch` writes, in bulk). */
async function insertSearches(dataSource: DataSource, criteria: SavedSearchCriteriaData[]): Promise<void> {
  for (let start = 0; start < criteria.length; start += BATCH) {
    const rows = criteria.slice(start, start + BATCH).map((item) => ({ id: randomUUID(), criteria: item, ...searchClauses(item) }));
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO saved_search (id, network, name, criteria, record_types, channel, state, unsubscribe_token, feed_token)
         SELECT (r->>'id')::uuid, 'bench', 'bench', r->'criteria', ARRAY(SELECT jsonb_array_elements_text(r->'types')), 'FEED', 'ACTIVE', r->>'id', 'f' || (r->>'id')
         FROM jsonb_array_elements($1::jsonb) AS r`,
        [JSON.stringify(rows.map((row) => ({ id: row.id, criteria: row.criteria, types: row.criteria.types.map((type) => ALERT_RECORD_TYPES[type]) })))],
      );
      await manager.query(
        `INSERT INTO saved_search_clause (saved_search_id, position, terms)
         SELECT (c->>'id')::uuid, (c->>'position')::int, ARRAY(SELECT jsonb_array_elements_text(c->'terms')) FROM jsonb_array_elements($1::jsonb) AS c`,
        [JSON.stringify(rows.flatMap((row) => row.clauses.map((terms, position) => ({ id: row.id, position, terms }))))],
      );
      await manager.query(
        `INSERT INTO saved_search_anchor (record_type, term, saved_search_id)
         SELECT a->>'type', a->>'term', (a->>'id')::uuid FROM jsonb_array_elements($1::jsonb) AS a`,
        [
          JSON.stringify(
            rows.flatMap((row) => row.criteria.types.flatMap((type) => row.anchors.map((term) => ({ type: ALERT_RECORD_TYPES[type], term, id: row.id })))),
          ),
        ],
      );
    });
  }
  await dataSource.query("ANALYZE saved_search; ANALYZE saved_search_clause; ANALYZE saved_search_anchor");
}

/** The baseline: every active search of the type checked against the change, as re-running every search would. */
async function matchEverySearch(dataSource: DataSource, recordType: string, terms: string[]): Promise<number> {
  const rows = (await dataSource.query(
    `SELECT s.id FROM saved_search s WHERE $1 = ANY(s.record_types) AND s.state = 'ACTIVE'
       AND NOT EXISTS (SELECT 1 FROM saved_search_clause c WHERE c.saved_search_id = s.id AND NOT (c.terms && $2::text[]))`,
    [recordType, terms],
  )) as unknown[];
  return rows.length;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(probe: (terms: string[]) => Promise<number>, probes: string[][]): Promise<{ median: number; p95: number; matches: number }> {
  for (const terms of probes.slice(0, 10)) await probe(terms);
  const times: number[] = [];
  let matches = 0;
  for (const terms of probes) {
    const started = performance.now();
    matches = await probe(terms);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), matches };
}

async function main(): Promise<void> {
  const server = await openBenchServer();
  const name = `agora_bench_alerts_${Date.now()}`;
  const url = await ensureDatabase(server.url, name);
  const dataSource = await openSubgraphDatabase({
    url,
    schema: "alerts",
    entities: alertsSubgraph.entities,
    migrations: alertsSubgraph.migrations,
    poolSize: 2,
  });
  try {
    const probes = Array.from({ length: PROBES }, (_, index) => documentTerms(probeDocument(index)));
    await insertSearches(
      dataSource,
      Array.from({ length: MATCHING }, (_, index) => matchingCriteria(index)),
    );
    let held = MATCHING;
    const results: Array<{ size: number; anchored: Awaited<ReturnType<typeof measure>>; everySearch: Awaited<ReturnType<typeof measure>> }> = [];
    console.log(
      `Matching one change (an opportunity with ${probes[0].length} terms) against N saved searches, ${MATCHING} of which match it; ${PROBES} changes per size.\n`,
    );
    for (const size of SIZES) {
      await insertSearches(
        dataSource,
        Array.from({ length: size - held }, () => noiseCriteria()),
      );
      held = size;
      const anchored = await measure(
        (terms) => dataSource.transaction(async (manager) => (await findMatchingSearches(manager, "Opportunity", randomUUID(), terms)).length),
        probes,
      );
      const everySearch = await measure((terms) => matchEverySearch(dataSource, "Opportunity", terms), probes.slice(0, 40));
      results.push({ size, anchored, everySearch });
      console.log(
        `${String(size).padStart(7)} searches  anchored: median ${anchored.median.toFixed(2)} ms, p95 ${anchored.p95.toFixed(2)} ms, ${anchored.matches} matches   |   checking every search (baseline): median ${everySearch.median.toFixed(2)} ms, p95 ${everySearch.p95.toFixed(2)} ms, ${everySearch.matches} matches`,
      );
    }
    const [first, last] = [results[0], results[results.length - 1]];
    const ratio = last.anchored.median / first.anchored.median;
    const baselineRatio = last.everySearch.median / first.everySearch.median;
    console.log(
      `\nanchored ${last.size}/${first.size}: ×${ratio.toFixed(2)} (target ≤ ×${TARGET_RATIO})   baseline ${last.size}/${first.size}: ×${baselineRatio.toFixed(2)}   anchored vs baseline at ${last.size}: ${(last.everySearch.median / last.anchored.median).toFixed(0)}× faster`,
    );
    // As findMatchingSearches runs it: in a transaction without parallel workers.
    const plan = await dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL max_parallel_workers_per_gather = 0");
      return (await manager.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${MATCHING_SQL}`, ["Opportunity", probes[0], randomUUID()])) as Array<{
        "QUERY PLAN": string;
      }>;
    });
    console.log(
      `\nPlan at ${last.size} searches (term lists cut):\n${plan.map((row) => `  ${row["QUERY PLAN"].replace(/\{[^}]{80,}\}/g, "{…}")}`).join("\n")}`,
    );
    const mismatch = results.some((result) => result.anchored.matches !== MATCHING || result.everySearch.matches !== MATCHING);
    if (mismatch) console.log("\nFAIL: the two ways found different matches");
    console.log(ratio <= TARGET_RATIO && !mismatch ? "\nPASS" : "\nFAIL");
    process.exitCode = ratio <= TARGET_RATIO && !mismatch ? 0 : 1;
  } finally {
    await dataSource.destroy();
    await dropBenchDatabase(server.url, name);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
