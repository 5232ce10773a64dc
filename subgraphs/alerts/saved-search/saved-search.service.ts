import { createHash, randomBytes } from "node:crypto";
import { GraphQLError } from "graphql";
import type { EntityManager } from "typeorm";
import { checkSubgraphUrl, type Viewer } from "@agora-hub/runtime";
import {
  badUserInput,
  checkReferences,
  notFound,
  type Page,
  type PageWindow,
  paginate,
  requireRecordWriter,
  requireUuid,
  requireWriter,
  type KeysetOrder,
  Violations,
} from "@agora-hub/subgraph-kit";
import { AlertEvent } from "../delivery/alert-event.entity";
import { indexSavedSearch } from "../matching/matching.service";
import { ALERT_RECORD_TYPES, type AlertRecordTypeKey, normalisedWords, type SavedSearchCriteriaData } from "../matching/matching.terms";
import { SavedSearch } from "./saved-search.entity";
import type { AlertsContext } from "./saved-search.loaders";
import type { CreateSavedSearchInput, SavedSearchCriteriaInput, SubscribeToAlertsInput } from "./saved-search.inputs";
import { AlertChannel, AlertDeliveryStatus, AlertFrequency, DeliveryHealth, SavedSearchState } from "./saved-search.type";

/** The NOTIFY channel the alerts worker listens on (the change feeds'), and the payload that says "alerts' own work is waiting". */
export const ALERTS_WAKE_PAYLOAD = "alerts";

/** The languages alert messages are written in; any other falls back to English. */
export const MESSAGE_LANGUAGES = ["en", "fr", "ar", "es"] as const;

/** The criteria that apply to one record type only, and that type. */
const TYPE_CRITERIA: Record<string, AlertRecordTypeKey> = {
  opportunityTypes: "OPPORTUNITY",
  eligibleFor: "OPPORTUNITY",
  eventFormats: "EVENT",
  organisationKinds: "ORGANISATION",
  resourceKinds: "RESOURCE",
};

const token = () => randomBytes(32).toString("base64url");

/** A Standard Webhooks signing secret: `whsec_` and 24 random bytes in base64. */
const webhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

/** The links a saved search's messages and pages carry. */
export function alertLinks(hubUrl: string, search: Pick<SavedSearch, "feedToken" | "unsubscribeToken" | "confirmToken">) {
  return {
    feedUrl: `${hubUrl}/alerts/feeds/${search.feedToken}.atom`,
    unsubscribeUrl: `${hubUrl}/alerts/unsubscribe/${search.unsubscribeToken}`,
    confirmUrl: search.confirmToken ? `${hubUrl}/alerts/confirm/${search.confirmToken}` : null,
  };
}

/** Checks and normalises criteria, each problem a violation under `field` (e.g. `input.criteria.eventFormats`). */
export function readCriteria(input: SavedSearchCriteriaInput, field: string, violations: Violations): SavedSearchCriteriaData {
  const given = Object.entries(TYPE_CRITERIA).filter(([name]) => {
    const value = (input as Record<string, unknown>)[name];
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
  });
  const implied = [...new Set(given.map(([, type]) => type))];
  let types = [...new Set(input.types ?? [])] as AlertRecordTypeKey[];
  if (implied.length > 1) violations.add(`${field}.types`, `criteria of ${implied.join(" and ")} records cannot be combined in one saved search`);
  else if (implied.length === 1) {
    if (types.length === 0) types = [implied[0]];
    else if (types.length !== 1 || types[0] !== implied[0]) {
      violations.add(`${field}.types`, `must be [${implied[0]}] alone with ${given.map(([name]) => name).join(", ")}`);
    }
  }
  if (types.length === 0) types = Object.keys(ALERT_RECORD_TYPES) as AlertRecordTypeKey[];
  const query = input.query?.trim() || null;
  if (input.query !== undefined && input.query !== null && (query === null || normalisedWords(query).length === 0)) {
    violations.add(`${field}.query`, "must hold at least one word of two or more letters or digits");
  }
  const list = <T>(values: T[] | null | undefined) => (values?.length ? [...new Set(values)] : undefined);
  const criteria: SavedSearchCriteriaData = {
    types,
    ...(query ? { query } : {}),
    ...(list(input.disciplines) ? { disciplines: list(input.disciplines) as string[] } : {}),
    ...(list(input.countries) ? { countries: list(input.countries) } : {}),
    ...(list(input.languages) ? { languages: list(input.languages) } : {}),
    ...(list(input.networks) ? { networks: list(input.networks) } : {}),
    ...(list(input.opportunityTypes) ? { opportunityTypes: list(input.opportunityTypes) as string[] } : {}),
    ...(input.eligibleFor ? { eligibleFor: input.eligibleFor } : {}),
    ...(list(input.eventFormats) ? { eventFormats: list(input.eventFormats) as string[] } : {}),
    ...(list(input.organisationKinds) ? { organisationKinds: list(input.organisationKinds) as string[] } : {}),
    ...(list(input.resourceKinds) ? { resourceKinds: list(input.resourceKinds) as string[] } : {}),
  };
  return criteria;
}

function mailUnavailable(): GraphQLError {
  return new GraphQLError("E-mail alerts are not configured on this hub (SMTP_URL is unset); nothing was saved. Use a webhook or the feed.", {
    extensions: { code: "SERVICE_UNAVAILABLE", field: "email" },
  });
}

/** The address as stored: trimmed, the domain in lower case (the local part is the mailbox's own business). */
function normaliseEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf("@");
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/** The message language: the one asked for, else the first of the client's languages alerts are written in, else English. */
function messageLanguage(asked: string | null | undefined, languages: readonly string[]): string {
  if (asked) return asked;
  for (const tag of languages) {
    const base = tag.split("-")[0].toLowerCase();
    if ((MESSAGE_LANGUAGES as readonly string[]).includes(base)) return base;
  }
  return "en";
}

/** A new saved search's row, not yet saved. */
function newSearch(values: Partial<SavedSearch> & Pick<SavedSearch, "name" | "criteria" | "channel" | "state">): SavedSearch {
  const now = new Date();
  return Object.assign(new SavedSearch(), {
    network: null,
    personId: null,
    webhookUrl: null,
    webhookSecret: null,
    email: null,
    language: "en",
    frequency: AlertFrequency.IMMEDIATE,
    includeUpdates: false,
    confirmToken: null,
    confirmExpiresAt: null,
    unsubscribeToken: token(),
    feedToken: token(),
    health: DeliveryHealth.HEALTHY,
    failingSince: null,
    lastDigestAt: null,
    createdAt: now,
    updatedAt: now,
    recordTypes: values.criteria.types.map((type) => ALERT_RECORD_TYPES[type]),
    ...values,
  });
}

/** Saves a new search with its clauses and anchors; an e-mail one wakes the worker, which sends its confirmation. */
async function insertSearch(manager: EntityManager, search: SavedSearch): Promise<SavedSearch> {
  const saved = await manager.save(search);
  await indexSavedSearch(manager, saved.id, saved.criteria);
  if (saved.state === SavedSearchState.PENDING_CONFIRMATION) await manager.query("SELECT pg_notify($1, $2)", ["agora_record_change", ALERTS_WAKE_PAYLOAD]);
  return saved;
}

/** What creating a saved search returns once: the secret its webhooks are signed with and its feed's URL. */
export interface CreatedSavedSearchResult {
  savedSearch: SavedSearch;
  webhookSecret: string | null;
  feedUrl: string;
}

/**
 * Creates a network's saved search (its own key, or the operator for any network): criteria checked like a
 * list's filter, a webhook URL checked like a partner's (http(s), public addresses), a member's person id checked
 * with the people subgraph. With an e-mail address it waits for the address's confirmation; otherwise it is
 * active at once. Nothing is written when anything is refused.
 */
export async function createSavedSearch(context: AlertsContext, input: CreateSavedSearchInput): Promise<CreatedSavedSearchResult> {
  requireWriter(context, input.network);
  const violations = new Violations();
  const criteria = readCriteria(input.criteria, "input.criteria", violations);
  const name = input.name.trim();
  if (!name) violations.add("input.name", "must not be blank");
  if (input.webhookUrl && input.email) violations.add("input.email", "give either webhookUrl or email, not both: one saved search has one channel");
  if (input.frequency && input.frequency !== AlertFrequency.IMMEDIATE && !input.email) violations.add("input.frequency", "applies to e-mail alerts only");
  if (input.personId) requireUuid(input.personId, "input.personId");
  violations.throwIfAny();
  if (input.webhookUrl) {
    const problem = await checkSubgraphUrl(input.webhookUrl, { allowPrivate: context.settings.allowPrivateWebhooks });
    if (problem)
      throw badUserInput({ field: "input.webhookUrl", message: problem.replace(/routing URL/g, "webhook URL").replace(/partner subgraphs/g, "webhooks") });
  }
  if (input.email && !context.settings.smtpUrl) throw mailUnavailable();
  if (input.personId) await checkReferences(context, [{ type: "Person", field: "input.personId", ids: [input.personId] }]);
  const [{ count }] = (await context.dataSource.query("SELECT count(*)::int AS count FROM saved_search WHERE network = $1", [input.network])) as Array<{
    count: number;
  }>;
  if (count >= context.settings.maxPerNetwork) {
    throw badUserInput({ field: "input.network", message: `holds ${count} saved searches, the most a network may (ALERT_MAX_PER_NETWORK); delete some first` });
  }
  const channel = input.webhookUrl ? AlertChannel.WEBHOOK : input.email ? AlertChannel.EMAIL : AlertChannel.FEED;
  const search = newSearch({
    network: input.network,
    personId: input.personId?.toLowerCase() ?? null,
    name,
    criteria,
    channel,
    webhookUrl: input.webhookUrl ?? null,
    webhookSecret: input.webhookUrl ? webhookSecret() : null,
    email: input.email ? normaliseEmail(input.email) : null,
    language: messageLanguage(input.language, []),
    frequency: input.frequency ?? AlertFrequency.IMMEDIATE,
    includeUpdates: input.includeUpdates ?? false,
    state: input.email ? SavedSearchState.PENDING_CONFIRMATION : SavedSearchState.ACTIVE,
    ...(input.email ? { confirmToken: token(), confirmExpiresAt: new Date(Date.now() + context.settings.confirmationDays * 86_400_000) } : {}),
  });
  const saved = await context.dataSource.transaction((manager) => insertSearch(manager, search));
  return { savedSearch: saved, webhookSecret: saved.webhookSecret, feedUrl: alertLinks(context.hubUrl, saved).feedUrl };
}

/** The stored form of a client's pseudonym for the subscription limit: a further hash, never the pseudonym. */
function clientHash(client: string | undefined): string {
  return createHash("sha256")
    .update(`agora-alerts-subscriber:${client ?? "shared"}`)
    .digest("base64url");
}

/**
 * A person's own e-mail alert: saved waiting for confirmation, and a confirmation message queued to the address.
 * At most ALERT_SUBSCRIPTIONS_PER_CLIENT_HOUR requests per client an hour (by the gateway's daily pseudonym).
 * Answers the same whatever the address, so it tells nobody whether an address subscribed before.
 */
export async function subscribeToAlerts(context: AlertsContext, input: SubscribeToAlertsInput): Promise<boolean> {
  const violations = new Violations();
  const criteria = readCriteria(input.criteria, "input.criteria", violations);
  violations.throwIfAny();
  if (!context.settings.smtpUrl) throw mailUnavailable();
  const hash = clientHash(context.client);
  const limit = context.settings.subscriptionsPerClientPerHour;
  await context.dataSource.transaction(async (manager) => {
    // One client's requests one after another, so two at once cannot both pass the limit.
    await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`agora-alerts-subscribe:${hash}`]);
    await manager.query("DELETE FROM subscription_request WHERE requested_at < now() - interval '1 hour'");
    const [{ count }] = (await manager.query("SELECT count(*)::int AS count FROM subscription_request WHERE client_hash = $1", [hash])) as Array<{
      count: number;
    }>;
    if (count >= limit) {
      throw new GraphQLError(
        `Too many subscriptions from one client: at most ${limit} an hour (ALERT_SUBSCRIPTIONS_PER_CLIENT_HOUR). Nothing was saved; try again later.`,
        {
          extensions: { code: "RATE_LIMITED", limit: "ALERT_SUBSCRIPTIONS_PER_CLIENT_HOUR", max: limit },
        },
      );
    }
    await manager.query("INSERT INTO subscription_request (client_hash) VALUES ($1)", [hash]);
    await insertSearch(
      manager,
      newSearch({
        name: input.name?.trim() || defaultName(criteria),
        criteria,
        channel: AlertChannel.EMAIL,
        email: normaliseEmail(input.email),
        language: messageLanguage(input.language, context.languages),
        frequency: input.frequency ?? AlertFrequency.IMMEDIATE,
        state: SavedSearchState.PENDING_CONFIRMATION,
        confirmToken: token(),
        confirmExpiresAt: new Date(Date.now() + context.settings.confirmationDays * 86_400_000),
      }),
    );
  });
  return true;
}

/** A name for a subscription given none: its words and types. */
function defaultName(criteria: SavedSearchCriteriaData): string {
  const types = criteria.types.length === Object.keys(ALERT_RECORD_TYPES).length ? "everything" : criteria.types.map((type) => type.toLowerCase()).join(", ");
  return (criteria.query ? `${criteria.query} (${types})` : types).slice(0, 120);
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function checkToken(value: string): string {
  if (!TOKEN_PATTERN.test(value)) throw badUserInput({ field: "token", message: "is not a token of this hub's alert links" });
  return value;
}

/** Confirms an e-mail subscription by its link's token: it becomes ACTIVE. An unknown, used or expired token is refused, naming `token`. */
export async function confirmSubscription(context: AlertsContext, value: string): Promise<SavedSearch> {
  const rows = (await context.dataSource.query(
    `UPDATE saved_search SET state = 'ACTIVE', confirm_token = NULL, confirm_expires_at = NULL, updated_at = now()
     WHERE confirm_token = $1 AND state = 'PENDING_CONFIRMATION' AND confirm_expires_at > now() RETURNING id`,
    [checkToken(value)],
  )) as [Array<{ id: string }>, number];
  const id = rows[0][0]?.id;
  if (!id) throw badUserInput({ field: "token", message: "is unknown, already used or expired: subscribe again to get a new link" });
  return context.dataSource.getRepository(SavedSearch).findOneByOrFail({ id });
}

/** Deletes the saved search of an unsubscribe link (its address goes with it); false when it is gone already. */
export async function unsubscribe(context: AlertsContext, value: string): Promise<boolean> {
  const result = await context.dataSource.getRepository(SavedSearch).delete({ unsubscribeToken: checkToken(value) });
  return (result.affected ?? 0) > 0;
}

/** The saved search of a feed's token, or null. */
export function searchOfFeed(context: AlertsContext, value: string): Promise<SavedSearch | null> {
  if (!TOKEN_PATTERN.test(value)) return Promise.resolve(null);
  return context.dataSource.getRepository(SavedSearch).findOneBy({ feedToken: value });
}

/** The newest alerts of a saved search for its feed (at most `limit`), whatever their delivery. */
export function feedEntries(context: AlertsContext, search: SavedSearch, limit: number): Promise<AlertEvent[]> {
  return context.dataSource.getRepository(AlertEvent).find({ where: { savedSearchId: search.id }, order: { createdAt: "DESC", id: "DESC" }, take: limit });
}

const NEWEST: KeysetOrder<SavedSearch> = { column: "search.created_at", direction: "DESC", valueType: "timestamp", valueOf: (search) => search.createdAt };
const NEWEST_EVENT: KeysetOrder<AlertEvent> = { column: "event.created_at", direction: "DESC", valueType: "timestamp", valueOf: (event) => event.createdAt };

/** Whether the viewer manages the saved searches of `network`: that network's key or the operator. */
function manages(viewer: Viewer, network: string | null): boolean {
  return viewer.kind === "operator" || (viewer.kind === "network" && network !== null && viewer.network === network);
}

/** A page of saved searches, newest first: a network's key lists its own; the operator any network's (or all). */
export function listSavedSearches(context: AlertsContext, network: string | null | undefined, window: PageWindow): Promise<Page<SavedSearch>> {
  const viewer = requireRecordWriter(context.viewer);
  const query = context.dataSource.getRepository(SavedSearch).createQueryBuilder("search");
  if (viewer.kind === "network") {
    // Another network's searches read like none at all.
    query.where("search.network = :own", { own: viewer.network });
    if (network && network !== viewer.network) query.andWhere("false");
  } else if (network) query.where("search.network = :network", { network });
  return paginate(query, window, NEWEST);
}

/** A saved search its viewer manages, by id; another network's reads like an unknown id. */
export async function managedSearch(context: AlertsContext, id: string): Promise<SavedSearch> {
  requireRecordWriter(context.viewer);
  const search = await context.dataSource.getRepository(SavedSearch).findOneBy({ id: requireUuid(id).toLowerCase() });
  if (!search || !manages(context.viewer, search.network)) throw notFound("SavedSearch", id);
  return search;
}

/** Pauses or resumes a saved search; a subscription still waiting for its confirmation cannot be resumed before it. */
export async function setSavedSearchPaused(context: AlertsContext, id: string, paused: boolean): Promise<SavedSearch> {
  const search = await managedSearch(context, id);
  if (search.state === SavedSearchState.PENDING_CONFIRMATION) {
    throw badUserInput({ field: "id", message: "waits for its address's confirmation: it can be paused or resumed once confirmed" });
  }
  await context.dataSource.query("UPDATE saved_search SET state = $2, updated_at = now() WHERE id = $1", [search.id, paused ? "PAUSED" : "ACTIVE"]);
  return context.dataSource.getRepository(SavedSearch).findOneByOrFail({ id: search.id });
}

/** Deletes a saved search with its deliveries; returns its id. */
export async function deleteSavedSearch(context: AlertsContext, id: string): Promise<string> {
  const search = await managedSearch(context, id);
  await context.dataSource.getRepository(SavedSearch).delete({ id: search.id });
  return search.id;
}

/** A page of a saved search's alerts and their delivery, newest first (only with `status`, when given). */
export function listDeliveries(
  context: AlertsContext,
  search: SavedSearch,
  status: AlertDeliveryStatus | null | undefined,
  window: PageWindow,
): Promise<Page<AlertEvent>> {
  const query = context.dataSource.getRepository(AlertEvent).createQueryBuilder("event").where("event.saved_search_id = :id", { id: search.id });
  if (status) query.andWhere("event.status = :status", { status });
  return paginate(query, window, NEWEST_EVENT);
}
