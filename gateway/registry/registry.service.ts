import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { composeGraph, breakingChanges, type ComposableSubgraph, type Problem } from "../../schema/composition";
import { logger } from "../../subgraphs/kit/logger";
import { NETWORK_SLUG_PATTERN } from "../../subgraphs/kit/network-record";
import { checkSubgraphUrl } from "../partner-traffic/subgraph-url";
import { generateApiKey, parseApiKey, secretMatches, tokensMatch } from "./api-keys";
import { checkPartnerPolicy } from "./partner-policy";
import { ApiKey, Network, PartnerSubgraph, PartnerSubgraphVersion, SupergraphVersion } from "./registry.entities";

/** Who is calling the admin API. */
export type Actor = { kind: "operator" } | { kind: "network"; networkId: string; slug: string; keyId: string };

/** A refused admin request: HTTP status plus a message for the caller. */
export class RegistryError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** A candidate partner subgraph, as submitted for check or publish. */
export interface Candidate {
  name: string;
  url: string;
  /** The SDL; fetched from the subgraph's `_service { sdl }` when omitted. */
  sdl?: string;
  /** The owning network; required for the operator, implied by a network's key. */
  network?: string;
}

export interface CheckResult {
  ok: boolean;
  problems: Problem[];
  /** The supergraph that publishing would serve, when ok. */
  supergraphSdl?: string;
}

/** Notification channel on which every replica hears of a new supergraph. */
export const REGISTRY_CHANNEL = "agora_registry";
const PUBLISH_LOCK = "agora-registry-publish";
const SUBGRAPH_NAME = /^[a-z][a-z0-9_-]{1,62}$/;

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The partner registry: networks and their keys, partner subgraphs and the supergraphs composed
 * from the core subgraphs plus every active partner. Publishing is serialised across replicas by a
 * PostgreSQL advisory lock and announced with NOTIFY.
 */
export class PartnerRegistry {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: {
      coreSubgraphs: ComposableSubgraph[];
      operatorToken?: string;
      allowPrivate: boolean;
      /** Refuse plain-http routing URLs (production). */
      requireHttps: boolean;
      /** Fetches a partner's SDL from its `_service { sdl }` through the guarded fetcher. */
      fetchSdl: (url: string) => Promise<string>;
      maxSdlBytes: number;
    },
  ) {}

  /** Resolves a bearer token to the operator or a network; null when it is unknown or revoked. */
  async authenticate(token: string): Promise<Actor | null> {
    if (this.options.operatorToken && tokensMatch(token, this.options.operatorToken)) return { kind: "operator" };
    const parsed = parseApiKey(token);
    if (!parsed) return null;
    const key = await this.dataSource.getRepository(ApiKey).findOneBy({ keyId: parsed.keyId });
    if (!key || key.revokedAt || !secretMatches(parsed.secret, key.secretHash)) return null;
    const network = await this.dataSource.getRepository(Network).findOneByOrFail({ id: key.networkId });
    await this.dataSource.getRepository(ApiKey).update({ id: key.id }, { lastUsedAt: new Date() });
    return { kind: "network", networkId: network.id, slug: network.slug, keyId: key.keyId };
  }

  private requireOperator(actor: Actor): void {
    if (actor.kind !== "operator") throw new RegistryError(403, "only the operator may do this");
  }

  private async networkBySlug(slug: string): Promise<Network> {
    const network = await this.dataSource.getRepository(Network).findOneBy({ slug });
    if (!network) throw new RegistryError(404, `no network ${slug}`);
    return network;
  }

  /** Registers a network (operator only) and returns its first API key, shown this once. */
  async createNetwork(actor: Actor, input: { slug: string; name: string; contact?: string | null }): Promise<{ network: Network; apiKey: string }> {
    this.requireOperator(actor);
    if (!NETWORK_SLUG_PATTERN.test(input.slug)) throw new RegistryError(400, "slug: must be lower-case letters, digits and hyphens");
    return this.dataSource.transaction(async (manager) => {
      if (await manager.getRepository(Network).existsBy({ slug: input.slug })) throw new RegistryError(409, `network ${input.slug} already exists`);
      const network = await manager.getRepository(Network).save(Object.assign(new Network(), { slug: input.slug, name: input.name, contact: input.contact ?? null }));
      const apiKey = await this.insertKey(manager, network.id);
      return { network, apiKey };
    });
  }

  private async insertKey(manager: EntityManager, networkId: string): Promise<string> {
    const generated = generateApiKey();
    await manager.getRepository(ApiKey).insert({ networkId, keyId: generated.keyId, secretHash: generated.secretHash });
    return generated.key;
  }

  /** A new key for a network: the operator for any network, a network for itself. */
  async createKey(actor: Actor, slug: string): Promise<{ keyId: string; apiKey: string }> {
    const network = await this.networkBySlug(slug);
    if (actor.kind === "network" && actor.networkId !== network.id) throw new RegistryError(403, `a key of ${actor.slug} cannot create keys for ${slug}`);
    const apiKey = await this.dataSource.transaction((manager) => this.insertKey(manager, network.id));
    return { keyId: parseApiKey(apiKey)!.keyId, apiKey };
  }

  /** Revokes a key: the operator any key, a network its own. */
  async revokeKey(actor: Actor, keyId: string): Promise<void> {
    const key = await this.dataSource.getRepository(ApiKey).findOneBy({ keyId });
    if (!key || (actor.kind === "network" && actor.networkId !== key.networkId)) throw new RegistryError(404, `no key ${keyId}`);
    if (!key.revokedAt) await this.dataSource.getRepository(ApiKey).update({ id: key.id }, { revokedAt: new Date() });
  }

  /** Every partner subgraph with its owner and status. */
  async listSubgraphs(): Promise<Array<{ name: string; network: string; url: string; status: string; version: number; updatedAt: Date }>> {
    const rows: Array<{ name: string; network: string; url: string; status: string; version: number; updated_at: Date }> = await this.dataSource.query(
      `SELECT s.name, n.slug AS network, s.routing_url AS url, s.status, s.version, s.updated_at
         FROM partner_subgraph s JOIN network n ON n.id = s.network_id ORDER BY s.name`,
    );
    return rows.map(({ updated_at, ...row }) => ({ ...row, updatedAt: updated_at }));
  }

  /** The publish history of one subgraph, newest first. */
  async history(name: string): Promise<PartnerSubgraphVersion[]> {
    return this.dataSource.getRepository(PartnerSubgraphVersion).find({ where: { subgraphName: name }, order: { version: "DESC" }, take: 100 });
  }

  /** The network a candidate belongs to, checking the caller may act for it. */
  private async owningNetwork(manager: EntityManager, actor: Actor, candidate: Pick<Candidate, "name" | "network">): Promise<Network> {
    const existing = await manager.getRepository(PartnerSubgraph).findOneBy({ name: candidate.name });
    let network: Network | null;
    if (actor.kind === "network") {
      if (candidate.network && candidate.network !== actor.slug) throw new RegistryError(403, `a key of ${actor.slug} cannot act for ${candidate.network}`);
      network = await manager.getRepository(Network).findOneBy({ id: actor.networkId });
    } else {
      const slug = candidate.network ?? (existing ? (await manager.getRepository(Network).findOneByOrFail({ id: existing.networkId })).slug : undefined);
      if (!slug) throw new RegistryError(400, "network: the operator must name the network that owns a new subgraph");
      network = await manager.getRepository(Network).findOneBy({ slug });
    }
    if (!network) throw new RegistryError(404, `no network ${candidate.network ?? ""}`.trim());
    if (existing && existing.status === "active" && existing.networkId !== network.id) {
      throw new RegistryError(403, `subgraph ${candidate.name} belongs to another network`);
    }
    return network;
  }

  private async activePartners(manager: EntityManager): Promise<Array<PartnerSubgraph & { networkSlug: string }>> {
    const partners = await manager.getRepository(PartnerSubgraph).find({ where: { status: "active" }, order: { name: "ASC" } });
    const networks = new Map((await manager.getRepository(Network).find()).map((network) => [network.id, network.slug]));
    return partners.map((partner) => Object.assign(partner, { networkSlug: networks.get(partner.networkId) ?? "" }));
  }

  /** The newest composed supergraph, if any was ever stored. */
  async latestSupergraph(manager: EntityManager = this.dataSource.manager): Promise<SupergraphVersion | null> {
    return manager.getRepository(SupergraphVersion).findOne({ where: {}, order: { id: "DESC" } });
  }

  /**
   * Checks the routing URL, then resolves the candidate's SDL: given, or fetched from the subgraph
   * itself, but only from a URL that passed the check.
   */
  private async prepare(candidate: Candidate): Promise<{ sdl: string | null; problems: Problem[] }> {
    const refused = await checkSubgraphUrl(candidate.url, { allowPrivate: this.options.allowPrivate, requireHttps: this.options.requireHttps });
    const problems: Problem[] = refused ? [{ kind: "url", code: "URL_REFUSED", coordinate: "url", message: refused }] : [];
    if (candidate.sdl !== undefined) return { sdl: candidate.sdl, problems };
    if (refused) return { sdl: null, problems };
    try {
      return { sdl: await this.options.fetchSdl(candidate.url), problems };
    } catch (error) {
      return {
        sdl: null,
        problems: [{ kind: "url", code: "SDL_UNAVAILABLE", coordinate: "schema", message: `could not fetch the SDL from ${candidate.url}: ${(error as Error).message}` }],
      };
    }
  }

  /** Runs every check on a candidate against the live graph, inside `manager`'s view of the registry. */
  private async runChecks(manager: EntityManager, actor: Actor, candidate: Candidate, sdl: string, urlProblems: Problem[]): Promise<CheckResult & { network: Network }> {
    const network = await this.owningNetwork(manager, actor, candidate);
    const problems: Problem[] = [...urlProblems];
    if (!SUBGRAPH_NAME.test(candidate.name) || this.options.coreSubgraphs.some((core) => core.name.toLowerCase() === candidate.name.toLowerCase())) {
      problems.push({ kind: "sdl", code: "INVALID_NAME", coordinate: "name", message: `subgraph name ${JSON.stringify(candidate.name)} must be 2-63 lower-case letters, digits, - or _, and not a core subgraph's` });
    }
    const others = (await this.activePartners(manager)).filter((partner) => partner.name !== candidate.name);
    const policy = checkPartnerPolicy(sdl, {
      network: network.slug,
      coreSdls: this.options.coreSubgraphs.map((core) => core.sdl),
      otherPartners: others.filter((other) => other.networkId !== network.id).map((other) => ({ network: other.networkSlug, name: other.name, sdl: other.sdl })),
      maxSdlBytes: this.options.maxSdlBytes,
    });
    problems.push(...policy.map((problem) => ({ kind: "policy" as const, ...problem })));
    if (problems.length > 0) return { ok: false, problems, network };

    const composed = composeGraph([
      ...this.options.coreSubgraphs,
      ...others.map((other) => ({ name: other.name, url: other.routingUrl, sdl: other.sdl })),
      { name: candidate.name, url: candidate.url, sdl },
    ]);
    if (composed.supergraphSdl === null) return { ok: false, problems: composed.problems, network };
    const live = await this.latestSupergraph(manager);
    const breaking = live ? await breakingChanges(live.sdl, composed.supergraphSdl) : [];
    return { ok: breaking.length === 0, problems: breaking, supergraphSdl: composed.supergraphSdl, network };
  }

  /** Checks a candidate against the live graph; changes nothing. */
  async check(actor: Actor, candidate: Candidate): Promise<CheckResult> {
    const { sdl, problems } = await this.prepare(candidate);
    if (sdl === null) return { ok: false, problems };
    const { network: _network, ...result } = await this.runChecks(this.dataSource.manager, actor, candidate, sdl, problems);
    return result;
  }

  /** Checks, then registers the candidate and stores the new supergraph, all or nothing. */
  async publish(actor: Actor, candidate: Candidate): Promise<CheckResult & { version?: number }> {
    const { sdl, problems } = await this.prepare(candidate);
    if (sdl === null) return { ok: false, problems };
    return this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [PUBLISH_LOCK]);
      const result = await this.runChecks(manager, actor, candidate, sdl, problems);
      if (!result.ok || !result.supergraphSdl) return { ok: false, problems: result.problems };
      const repository = manager.getRepository(PartnerSubgraph);
      const existing = await repository.findOneBy({ name: candidate.name });
      const version = (existing?.version ?? 0) + 1;
      await repository.save(
        Object.assign(existing ?? new PartnerSubgraph(), {
          name: candidate.name,
          networkId: result.network.id,
          routingUrl: candidate.url,
          sdl,
          sdlHash: sha256(sdl),
          status: "active",
          version,
        }),
      );
      await manager.getRepository(PartnerSubgraphVersion).insert({
        subgraphName: candidate.name,
        networkId: result.network.id,
        version,
        action: "publish",
        routingUrl: candidate.url,
        sdlHash: sha256(sdl),
        actor: actorLabel(actor),
      });
      await this.storeSupergraph(manager, result.supergraphSdl, `publish ${candidate.name} v${version} by ${actorLabel(actor)}`);
      return { ok: true, problems: [], supergraphSdl: result.supergraphSdl, version };
    });
  }

  /** Takes a partner subgraph out of the graph (operator, or its own network). */
  async remove(actor: Actor, name: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [PUBLISH_LOCK]);
      const existing = await manager.getRepository(PartnerSubgraph).findOneBy({ name, status: "active" });
      if (!existing || (actor.kind === "network" && actor.networkId !== existing.networkId)) throw new RegistryError(404, `no active subgraph ${name} of yours`);
      const others = (await this.activePartners(manager)).filter((partner) => partner.name !== name);
      const composed = composeGraph([...this.options.coreSubgraphs, ...others.map((other) => ({ name: other.name, url: other.routingUrl, sdl: other.sdl }))]);
      if (composed.supergraphSdl === null) throw new RegistryError(409, `removing ${name} would break composition: ${composed.problems.map((p) => p.message).join("; ")}`);
      const version = existing.version + 1;
      await manager.getRepository(PartnerSubgraph).update({ id: existing.id }, { status: "removed", version });
      await manager.getRepository(PartnerSubgraphVersion).insert({
        subgraphName: name,
        networkId: existing.networkId,
        version,
        action: "remove",
        routingUrl: existing.routingUrl,
        sdlHash: null,
        actor: actorLabel(actor),
      });
      await this.storeSupergraph(manager, composed.supergraphSdl, `remove ${name} by ${actorLabel(actor)}`);
    });
  }

  /** Stores a supergraph unless it equals the newest, and tells every replica. */
  private async storeSupergraph(manager: EntityManager, sdl: string, reason: string): Promise<void> {
    const hash = sha256(sdl);
    const latest = await this.latestSupergraph(manager);
    if (latest?.sdlHash === hash) return;
    await manager.getRepository(SupergraphVersion).insert({ sdl, sdlHash: hash, reason });
    await manager.query(`SELECT pg_notify($1, $2)`, [REGISTRY_CHANNEL, hash]);
  }

  /**
   * The supergraph a starting gateway serves: the core (as deployed) plus every active partner from
   * stored SDL, so unreachable partners do not matter; if that no longer composes, the last good one.
   */
  async startupSupergraph(): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [PUBLISH_LOCK]);
      const partners = await this.activePartners(manager);
      const composed = composeGraph([...this.options.coreSubgraphs, ...partners.map((p) => ({ name: p.name, url: p.routingUrl, sdl: p.sdl }))]);
      if (composed.supergraphSdl !== null) {
        await this.storeSupergraph(manager, composed.supergraphSdl, "gateway start");
        return composed.supergraphSdl;
      }
      const latest = await this.latestSupergraph(manager);
      logger.error({ problems: composed.problems }, "registry no longer composes; serving the last good supergraph");
      if (latest) return latest.sdl;
      const core = composeGraph(this.options.coreSubgraphs);
      if (core.supergraphSdl === null) throw new Error(`the core subgraphs do not compose: ${core.problems.map((p) => p.message).join("; ")}`);
      return core.supergraphSdl;
    });
  }
}

function actorLabel(actor: Actor): string {
  return actor.kind === "operator" ? "operator" : `key:${actor.keyId}`;
}
