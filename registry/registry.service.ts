import { createHash } from "node:crypto";
import { version as COMPOSITION_VERSION } from "@apollo/composition/package.json";
import { type DataSource, type EntityManager, IsNull } from "typeorm";
import { composeGraph, breakingChanges, type ComposableSubgraph, type Problem } from "./composition/composition";
import { logger } from "@agora-hub/runtime";
import { NETWORK_SLUG_PATTERN } from "@agora-hub/runtime";
import { checkSubgraphUrl } from "@agora-hub/runtime";
import { generateApiKey, parseApiKey, secretMatches, tokensMatch } from "./api-keys";
import { checkPartnerPolicy, longerNamespaceOwner, networkPrefixes, publishedNames } from "./policy/partner-policy";
import { ApiKey, Moderator, Network, PartnerSubgraph, PartnerSubgraphVersion, SupergraphVersion, type TrustLevel } from "./registry.entities";
import { TtlCache } from "./ttl-cache";

/** Who presents a credential: the operator, a network (by one of its keys) or a moderator (by one of theirs). */
export type Actor =
  | { kind: "operator" }
  | { kind: "network"; networkId: string; slug: string; keyId: string; trusted: boolean }
  | { kind: "moderator"; moderatorId: string; handle: string; keyId: string };

/** Who may call the admin API: the operator or a network; a moderator's key acts in the graph only. */
export type AdminActor = Exclude<Actor, { kind: "moderator" }>;

/** A network as the operator manages it. */
export interface ManagedNetwork {
  slug: string;
  name: string;
  contact: string | null;
  trustLevel: TrustLevel;
  trustChangedAt: Date | null;
  createdAt: Date;
}

/** A moderator as the operator manages them. */
export interface ManagedModerator {
  handle: string;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Most networks or moderators one admin list answers. */
export const MAX_ADMIN_PAGE = 100;

/** A connected network as anyone may see it. */
export interface PublicNetwork {
  slug: string;
  name: string;
  subgraphs: Array<{ name: string; version: number; publishedAt: Date }>;
}

/** A refused admin request: HTTP status, a message for the caller and, where it helps, a stable code. */
export class RegistryError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422,
    message: string,
    readonly code?: string,
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

/** What composing subgraphs gives: a supergraph, or the problems that stop it. */
export type ComposeResult = ReturnType<typeof composeGraph>;
/** Composes subgraphs into a supergraph (seconds of CPU); the registry never calls it inside a transaction. */
export type ComposeFunction = (subgraphs: ComposableSubgraph[]) => Promise<ComposeResult>;

/**
 * What a composition is a function of: the subgraphs (name, routing URL, SDL, in order) and the composition
 * library's version. Two compositions with the same hash give the same supergraph, so it need not run again.
 */
export function compositionInputsHash(subgraphs: ComposableSubgraph[]): string {
  return sha256(JSON.stringify([COMPOSITION_VERSION, ...subgraphs.map(({ name, url, sdl }) => [name, url, sdl])]));
}

/** Composition on this thread, after letting pending I/O run; a crash of the composer is a problem, not a 500. */
export const composeInProcess: ComposeFunction = async (subgraphs) => {
  await new Promise((resolve) => setImmediate(resolve));
  try {
    return composeGraph(subgraphs);
  } catch (error) {
    return {
      supergraphSdl: null,
      problems: [{ kind: "composition", code: "COMPOSITION_FAILED", coordinate: "schema", message: `composition failed: ${(error as Error).message}` }],
    };
  }
};

/** Notification channel on which every replica hears of a new supergraph. */
export const REGISTRY_CHANNEL = "agora_registry";
const SUBGRAPH_NAME = /^[a-z][a-z0-9_-]{1,62}$/;
/** Compose-then-store attempts before a writer gives up with 409: each retry follows another replica's write. */
const MAX_WRITE_ATTEMPTS = 4;
/** What an attempt answers when another writer changed the registry first. */
const CONFLICT = Symbol("conflict");
/** Registry writes waiting on this replica beyond which new ones are refused (409) rather than queued. */
const MAX_QUEUED_WRITES = 16;
/** Longest a write waits for its turn before it is refused (409), so a client is not left hanging. */
const MAX_QUEUE_WAIT_MS = 60_000;

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** An API key as authentication needs it, cached for a short while. */
interface KeyRecord {
  secretHash: string;
  revoked: boolean;
  holder: { kind: "network"; networkId: string; slug: string; trusted: boolean } | { kind: "moderator"; moderatorId: string; handle: string };
  /** Whether `last_used_at` was updated since the record was read. */
  touched: boolean;
}

/** What the registry looked like at one revision: read first, so a later write can check nothing changed since. */
interface Snapshot {
  revision: string;
  networks: Network[];
  partners: Array<PartnerSubgraph & { networkSlug: string }>;
  live: SupergraphVersion | null;
}

/**
 * The partner registry: networks and their keys, partner subgraphs and the supergraphs composed
 * from the core subgraphs plus every active partner. Writers read the registry's revision, compose
 * outside any transaction, then store in a short transaction only if the revision is unchanged
 * (retrying a few times, else 409); on one replica they also queue, so they do not compose in vain.
 * New supergraphs are announced with NOTIFY.
 */
export class PartnerRegistry {
  private readonly compose: ComposeFunction;
  private readonly keys: TtlCache<Promise<KeyRecord | null>>;
  private readonly publicNetworksCache = new TtlCache<Promise<PublicNetwork[]>>(60_000, 1);
  private writeQueue: Promise<unknown> = Promise.resolve();
  private queuedWrites = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: {
      coreSubgraphs: ComposableSubgraph[];
      operatorToken?: string;
      allowPrivate: boolean;
      /** Refuse plain-http routing URLs (production). */
      requireHttps: boolean;
      /** Fetches the SDL of the partner subgraph `name` from its `_service { sdl }` through the guarded fetcher. */
      fetchSdl: (url: string, name: string) => Promise<string>;
      maxSdlBytes: number;
      /** Connections for API-key lookups alone, so registry work never starves authentication (default: `dataSource`). */
      authDataSource?: DataSource;
      /** How long a looked-up key is trusted without asking the database again (default 10 s). */
      keyCacheMs?: number;
      /** Active keys a network may hold at once (default 10). */
      maxKeysPerNetwork?: number;
      /** Composition (default: in process). */
      compose?: ComposeFunction;
    },
  ) {
    this.compose = options.compose ?? composeInProcess;
    this.keys = new TtlCache(options.keyCacheMs ?? 10_000, 10_000);
  }

  /**
   * Resolves a bearer token to the operator or a network; null when it is unknown or revoked. Keys are
   * cached briefly (a revocation on this replica applies at once, on others within the cache's TTL);
   * a database failure is thrown, never taken for an invalid key.
   */
  async authenticate(token: string): Promise<Actor | null> {
    if (this.options.operatorToken && tokensMatch(token, this.options.operatorToken)) return { kind: "operator" };
    const parsed = parseApiKey(token);
    if (!parsed) return null;
    const key = await this.keyRecord(parsed.keyId);
    if (!key || key.revoked || !secretMatches(parsed.secret, key.secretHash)) return null;
    if (!key.touched) {
      key.touched = true;
      await (this.options.authDataSource ?? this.dataSource)
        .query(`UPDATE api_key SET last_used_at = now() WHERE key_id = $1`, [parsed.keyId])
        .catch((error: unknown) => logger.warn({ err: error }, "could not record when an API key was last used"));
    }
    return { ...key.holder, keyId: parsed.keyId };
  }

  /** A key by id, from the cache or else the database; concurrent lookups of one key share a query. */
  private keyRecord(keyId: string): Promise<KeyRecord | null> {
    const cached = this.keys.get(keyId);
    if (cached) return cached;
    const lookup = (async () => {
      const rows: Array<{
        secret_hash: string;
        revoked: boolean;
        network_id: string | null;
        slug: string | null;
        trust_level: TrustLevel | null;
        moderator_id: string | null;
        handle: string | null;
      }> = await (this.options.authDataSource ?? this.dataSource).query(
        `SELECT k.secret_hash, (k.revoked_at IS NOT NULL OR m.revoked_at IS NOT NULL) AS revoked,
                n.id AS network_id, n.slug, n.trust_level, m.id AS moderator_id, m.handle
           FROM api_key k LEFT JOIN network n ON n.id = k.network_id LEFT JOIN moderator m ON m.id = k.moderator_id
          WHERE k.key_id = $1`,
        [keyId],
      );
      const [row] = rows;
      if (!row) return null;
      const holder: KeyRecord["holder"] | null =
        row.network_id !== null && row.slug !== null
          ? { kind: "network", networkId: row.network_id, slug: row.slug, trusted: row.trust_level === "TRUSTED" }
          : row.moderator_id !== null && row.handle !== null
            ? { kind: "moderator", moderatorId: row.moderator_id, handle: row.handle }
            : null;
      return holder ? { secretHash: row.secret_hash, revoked: row.revoked, holder, touched: false } : null;
    })();
    this.keys.set(keyId, lookup);
    // A failed lookup is not remembered: the next request asks again.
    lookup.catch(() => this.keys.delete(keyId, lookup));
    return lookup;
  }

  private requireOperator(actor: AdminActor): void {
    if (actor.kind !== "operator") throw new RegistryError(403, "only the operator may do this");
  }

  private async networkBySlug(slug: string): Promise<Network> {
    const network = await this.dataSource.getRepository(Network).findOneBy({ slug });
    if (!network) throw new RegistryError(404, `no network ${slug}`, "NETWORK_NOT_FOUND");
    return network;
  }

  /**
   * Runs registry writes of this replica one at a time, so they do not compose against the same
   * revision only to conflict; a long queue is refused rather than left to grow.
   */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.queuedWrites >= MAX_QUEUED_WRITES) {
      throw new RegistryError(409, `the registry is busy with ${this.queuedWrites} changes; try again shortly`, "REGISTRY_BUSY");
    }
    this.queuedWrites++;
    const queuedAt = Date.now();
    const run = this.writeQueue.then(() => {
      if (Date.now() - queuedAt > MAX_QUEUE_WAIT_MS) {
        throw new RegistryError(409, `the registry was busy for over ${MAX_QUEUE_WAIT_MS / 1000} s with other changes; try again shortly`, "REGISTRY_BUSY");
      }
      return work();
    });
    this.writeQueue = run.catch(() => undefined);
    try {
      return await run;
    } finally {
      this.queuedWrites--;
      // This replica's own changes show on its networks page at once; another replica's within the cache's minute.
      this.publicNetworksCache.delete("all");
    }
  }

  /** The registry's current revision (bigint, as text). */
  private async revision(): Promise<string> {
    const rows: Array<{ revision: string }> = await this.dataSource.query(`SELECT revision::text AS revision FROM registry_state WHERE id = 1`);
    return rows[0].revision;
  }

  /** Reads the registry, revision first: whatever is read after it is at least that new. */
  private async snapshot(): Promise<Snapshot> {
    const revision = await this.revision();
    const networks = await this.dataSource.getRepository(Network).find();
    const slugs = new Map(networks.map((network) => [network.id, network.slug]));
    const partners = (await this.dataSource.getRepository(PartnerSubgraph).find({ where: { status: "active" }, order: { name: "ASC" } })).map((partner) =>
      Object.assign(partner, { networkSlug: slugs.get(partner.networkId) ?? "" }),
    );
    return { revision, networks, partners, live: await this.latestSupergraph() };
  }

  /**
   * Runs `write` in a short transaction if the registry is still at `revision`, bumping it when `write`
   * changed anything; false (nothing written) when another writer got there first.
   */
  private async commitIfUnchanged(revision: string, write: (manager: EntityManager) => Promise<boolean>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ revision: string }> = await manager.query(`SELECT revision::text AS revision FROM registry_state WHERE id = 1 FOR UPDATE`);
      if (rows[0].revision !== revision) return false;
      if (await write(manager)) await manager.query(`UPDATE registry_state SET revision = revision + 1 WHERE id = 1`);
      return true;
    });
  }

  /** Composes and stores with {@link commitIfUnchanged}, again on a conflict, a bounded number of times. */
  private async withRetries<T>(what: string, attempt: () => Promise<T | typeof CONFLICT>): Promise<T> {
    for (let tries = 1; tries <= MAX_WRITE_ATTEMPTS; tries++) {
      const outcome = await attempt();
      if (outcome !== CONFLICT) return outcome;
      logger.info({ what, attempt: tries }, "the registry changed while composing; composing again");
    }
    throw new RegistryError(409, `the registry kept changing while ${what} was composed (${MAX_WRITE_ATTEMPTS} tries); try again`, "REGISTRY_CONFLICT");
  }

  /** Registers a network (operator only), untrusted unless `trustLevel` says otherwise, and returns its first API key, shown this once. */
  async createNetwork(
    actor: AdminActor,
    input: { slug: string; name: string; contact?: string | null; trustLevel?: TrustLevel },
  ): Promise<{ network: Network; apiKey: string }> {
    this.requireOperator(actor);
    if (!NETWORK_SLUG_PATTERN.test(input.slug)) throw new RegistryError(400, "slug: must be lower-case letters, digits and hyphens");
    return this.exclusive(() =>
      this.withRetries<{ network: Network; apiKey: string }>(`network ${input.slug}`, async () => {
        const snapshot = await this.snapshot();
        this.checkNamespaceFree(input.slug, snapshot);
        let created: { network: Network; apiKey: string } | undefined;
        const committed = await this.commitIfUnchanged(snapshot.revision, async (manager) => {
          if (await manager.getRepository(Network).existsBy({ slug: input.slug }))
            throw new RegistryError(409, `network ${input.slug} already exists`, "NETWORK_EXISTS");
          const network = await manager.getRepository(Network).save(
            Object.assign(new Network(), {
              slug: input.slug,
              name: input.name,
              contact: input.contact ?? null,
              trustLevel: input.trustLevel ?? "UNTRUSTED",
              trustChangedAt: input.trustLevel ? new Date() : null,
            }),
          );
          created = { network, apiKey: await this.insertKey(manager, { networkId: network.id }) };
          return true;
        });
        return committed && created ? created : CONFLICT;
      }),
    );
  }

  /**
   * Refuses a new network whose namespace would take names already published by another network:
   * its prefix equal to an existing network's (`design-2` and `design2` both give `Design2`), or more
   * specific than the prefix under which another network published a name (`culture-agora` when
   * `culture` publishes `CultureAgoraLab`). See {@link checkPartnerPolicy} for the publishing side.
   */
  private checkNamespaceFree(slug: string, snapshot: Snapshot): void {
    if (snapshot.networks.some((network) => network.slug === slug)) throw new RegistryError(409, `network ${slug} already exists`, "NETWORK_EXISTS");
    let prefixes: { typePrefix: string; fieldPrefix: string };
    try {
      prefixes = networkPrefixes(slug);
    } catch {
      return; // such a network may hold keys and records but can never publish, so it claims no names
    }
    const same = snapshot.networks.find((network) => safePrefix(network.slug) === prefixes.typePrefix);
    if (same) {
      throw new RegistryError(
        409,
        `slug: ${slug} names the namespace ${prefixes.typePrefix}…, which network ${same.slug} already has; choose another slug`,
        "NETWORK_PREFIX_TAKEN",
      );
    }
    const taken: string[] = [];
    for (const partner of snapshot.partners) {
      const ownLength = safePrefix(partner.networkSlug)?.length ?? 0;
      for (const { name, kind, coordinate } of publishedNames(
        partner.sdl,
        this.options.coreSubgraphs.map((core) => core.sdl),
      )) {
        if (longerNamespaceOwner(name, kind, ownLength, [slug])) taken.push(`${coordinate} (network ${partner.networkSlug}, subgraph ${partner.name})`);
      }
    }
    if (taken.length > 0) {
      throw new RegistryError(
        409,
        `slug: the namespace ${prefixes.typePrefix}…/${prefixes.fieldPrefix}… of ${slug} already holds names other networks publish: ${taken.slice(0, 10).join(", ")}${taken.length > 10 ? ", …" : ""}; choose another slug`,
        "NAMESPACE_IN_USE",
      );
    }
  }

  private async insertKey(manager: EntityManager, holder: { networkId: string } | { moderatorId: string }): Promise<string> {
    const generated = generateApiKey();
    await manager.getRepository(ApiKey).insert({ networkId: null, moderatorId: null, ...holder, keyId: generated.keyId, secretHash: generated.secretHash });
    return generated.key;
  }

  /** A new key for a network: the operator for any network, a network for itself; at most `maxKeysPerNetwork` active at once. */
  async createKey(actor: AdminActor, slug: string): Promise<{ keyId: string; apiKey: string }> {
    const network = await this.networkBySlug(slug);
    if (actor.kind === "network" && actor.networkId !== network.id) throw new RegistryError(403, `a key of ${actor.slug} cannot create keys for ${slug}`);
    const limit = this.options.maxKeysPerNetwork ?? 10;
    const apiKey = await this.dataSource.transaction(async (manager) => {
      // Serialises key creation per network, so concurrent requests cannot pass the cap together.
      await manager.query(`SELECT 1 FROM network WHERE id = $1 FOR NO KEY UPDATE`, [network.id]);
      const active = await manager.getRepository(ApiKey).countBy({ networkId: network.id, revokedAt: IsNull() });
      if (active >= limit) {
        throw new RegistryError(
          409,
          `network ${slug} already has ${active} active API keys, the most a network may hold; revoke one first (DELETE /admin/keys/:keyId)`,
          "KEY_LIMIT_REACHED",
        );
      }
      return this.insertKey(manager, { networkId: network.id });
    });
    return { keyId: parseApiKey(apiKey)!.keyId, apiKey };
  }

  /** Revokes a key: the operator any key, a network its own. Effective at once on this replica. */
  async revokeKey(actor: AdminActor, keyId: string): Promise<void> {
    const key = await this.dataSource.getRepository(ApiKey).findOneBy({ keyId });
    if (!key || (actor.kind === "network" && actor.networkId !== key.networkId)) throw new RegistryError(404, `no key ${keyId}`, "KEY_NOT_FOUND");
    if (!key.revokedAt) await this.dataSource.getRepository(ApiKey).update({ id: key.id }, { revokedAt: new Date() });
    this.keys.delete(keyId);
  }

  /**
   * Sets how far the operator trusts a network: records it writes from now on publish at once (TRUSTED) or wait
   * for a moderator (UNTRUSTED); records already written keep their state. Applies at once on this replica, on
   * others when their cached keys expire (`keyCacheMs`).
   */
  async setNetworkTrust(actor: AdminActor, slug: string, trustLevel: TrustLevel): Promise<ManagedNetwork> {
    this.requireOperator(actor);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `UPDATE network SET trust_level = $2, trust_changed_at = now() WHERE slug = $1
       RETURNING slug, name, contact, trust_level, trust_changed_at, created_at`,
      [slug, trustLevel],
    );
    const [changed] = rows[0] as unknown as Array<Record<string, unknown>>;
    if (!changed) throw new RegistryError(404, `no network ${slug}`, "NETWORK_NOT_FOUND");
    this.keys.clear();
    logger.info({ network: slug, trustLevel }, "network trust level set by the operator");
    return managedNetwork(changed);
  }

  /** The networks (operator only), by slug after `after`, at most `first` (≤ 100). */
  async listNetworks(actor: AdminActor, page: { after?: string; first: number }): Promise<ManagedNetwork[]> {
    this.requireOperator(actor);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT slug, name, contact, trust_level, trust_changed_at, created_at FROM network
        WHERE $1::text IS NULL OR slug > $1 ORDER BY slug LIMIT $2`,
      [page.after ?? null, Math.min(page.first, MAX_ADMIN_PAGE)],
    );
    return rows.map(managedNetwork);
  }

  /** Grants the moderator role to `handle` (operator only) and returns their first API key, shown this once. */
  async createModerator(actor: AdminActor, input: { handle: string; name: string }): Promise<{ moderator: ManagedModerator; apiKey: string }> {
    this.requireOperator(actor);
    if (!NETWORK_SLUG_PATTERN.test(input.handle)) throw new RegistryError(400, "handle: must be lower-case letters, digits and hyphens (at most 63)");
    return this.dataSource.transaction(async (manager) => {
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO moderator (handle, name) VALUES ($1, $2) ON CONFLICT (handle) DO NOTHING RETURNING id`,
        [input.handle, input.name],
      );
      if (inserted.length === 0) throw new RegistryError(409, `moderator ${input.handle} already exists`, "MODERATOR_EXISTS");
      const apiKey = await this.insertKey(manager, { moderatorId: inserted[0].id });
      const moderator = await manager.getRepository(Moderator).findOneByOrFail({ id: inserted[0].id });
      logger.info({ moderator: input.handle }, "moderator role granted by the operator");
      return { moderator: managedModerator(moderator), apiKey };
    });
  }

  /** The moderators (operator only), revoked ones too, by handle after `after`, at most `first` (≤ 100). */
  async listModerators(actor: AdminActor, page: { after?: string; first: number }): Promise<ManagedModerator[]> {
    this.requireOperator(actor);
    const moderators = await this.dataSource
      .getRepository(Moderator)
      .createQueryBuilder("m")
      .where(":after::text IS NULL OR m.handle > :after", { after: page.after ?? null })
      .orderBy("m.handle")
      .limit(Math.min(page.first, MAX_ADMIN_PAGE))
      .getMany();
    return moderators.map(managedModerator);
  }

  /** A further key for an active moderator (operator only); at most `maxKeysPerNetwork` active at once. */
  async createModeratorKey(actor: AdminActor, handle: string): Promise<{ keyId: string; apiKey: string }> {
    this.requireOperator(actor);
    const limit = this.options.maxKeysPerNetwork ?? 10;
    const apiKey = await this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM moderator WHERE handle = $1 AND revoked_at IS NULL FOR NO KEY UPDATE`, [handle]);
      if (rows.length === 0) throw new RegistryError(404, `no active moderator ${handle}`, "MODERATOR_NOT_FOUND");
      const active = await manager.getRepository(ApiKey).countBy({ moderatorId: rows[0].id, revokedAt: IsNull() });
      if (active >= limit) throw new RegistryError(409, `moderator ${handle} already has ${active} active API keys; revoke one first`, "KEY_LIMIT_REACHED");
      return this.insertKey(manager, { moderatorId: rows[0].id });
    });
    return { keyId: parseApiKey(apiKey)!.keyId, apiKey };
  }

  /** Withdraws the moderator role (operator only) with every key of theirs; their past decisions stay in the audit trail. */
  async revokeModerator(actor: AdminActor, handle: string): Promise<void> {
    this.requireOperator(actor);
    await this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string }> = await manager.query(`UPDATE moderator SET revoked_at = coalesce(revoked_at, now()) WHERE handle = $1 RETURNING id`, [
        handle,
      ]);
      if (rows.length === 0) throw new RegistryError(404, `no moderator ${handle}`, "MODERATOR_NOT_FOUND");
      await manager.query(`UPDATE api_key SET revoked_at = now() WHERE moderator_id = $1 AND revoked_at IS NULL`, [rows[0].id]);
    });
    this.keys.clear();
    logger.info({ moderator: handle }, "moderator role withdrawn by the operator");
  }

  /** Every partner subgraph with its owner and status. */
  async listSubgraphs(): Promise<Array<{ name: string; network: string; url: string; status: string; version: number; updatedAt: Date }>> {
    const rows: Array<{ name: string; network: string; url: string; status: string; version: number; updated_at: Date }> = await this.dataSource.query(
      `SELECT s.name, n.slug AS network, s.routing_url AS url, s.status, s.version, s.updated_at
         FROM partner_subgraph s JOIN network n ON n.id = s.network_id ORDER BY s.name`,
    );
    return rows.map(({ updated_at, ...row }) => ({ ...row, updatedAt: updated_at }));
  }

  /**
   * The public facts of the connected networks, for the directory's networks page: each network's slug
   * and name, and its active partner subgraphs (name, version, last publish), never a URL, contact or key.
   * At most 500 networks; read at most once a minute.
   */
  async publicNetworks(): Promise<PublicNetwork[]> {
    const cached = this.publicNetworksCache.get("all");
    if (cached) return cached;
    const read = this.dataSource
      .query(
        `SELECT n.slug, n.name, s.name AS subgraph, s.version, s.updated_at
           FROM network n LEFT JOIN partner_subgraph s ON s.network_id = n.id AND s.status = 'active'
          WHERE n.id IN (SELECT id FROM network ORDER BY slug LIMIT 500)
          ORDER BY n.slug, s.name`,
      )
      .then((rows: Array<{ slug: string; name: string; subgraph: string | null; version: number | null; updated_at: Date | null }>) => {
        const networks = new Map<string, PublicNetwork>();
        for (const row of rows) {
          let network = networks.get(row.slug);
          if (!network) networks.set(row.slug, (network = { slug: row.slug, name: row.name, subgraphs: [] }));
          if (row.subgraph) network.subgraphs.push({ name: row.subgraph, version: row.version ?? 0, publishedAt: row.updated_at ?? new Date(0) });
        }
        return [...networks.values()];
      });
    this.publicNetworksCache.set("all", read);
    read.catch(() => this.publicNetworksCache.delete("all", read));
    return read;
  }

  /** The publish history of one subgraph, newest first. */
  async history(name: string): Promise<PartnerSubgraphVersion[]> {
    return this.dataSource.getRepository(PartnerSubgraphVersion).find({ where: { subgraphName: name }, order: { version: "DESC" }, take: 100 });
  }

  /** The network a candidate belongs to, checking the caller may act for it. */
  private async owningNetwork(snapshot: Snapshot, actor: AdminActor, candidate: Pick<Candidate, "name" | "network">): Promise<Network> {
    const existing = await this.dataSource.getRepository(PartnerSubgraph).findOneBy({ name: candidate.name });
    const byId = (id: string) => snapshot.networks.find((network) => network.id === id);
    let network: Network | undefined;
    if (actor.kind === "network") {
      if (candidate.network && candidate.network !== actor.slug) throw new RegistryError(403, `a key of ${actor.slug} cannot act for ${candidate.network}`);
      network = byId(actor.networkId);
    } else {
      const slug = candidate.network ?? (existing ? byId(existing.networkId)?.slug : undefined);
      if (!slug) throw new RegistryError(400, "network: the operator must name the network that owns a new subgraph");
      network = snapshot.networks.find((known) => known.slug === slug);
    }
    if (!network) throw new RegistryError(404, `no network ${candidate.network ?? ""}`.trim(), "NETWORK_NOT_FOUND");
    if (existing && existing.status === "active" && existing.networkId !== network.id) {
      throw new RegistryError(403, `subgraph ${candidate.name} belongs to another network`);
    }
    return network;
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
      return { sdl: await this.options.fetchSdl(candidate.url, candidate.name), problems };
    } catch (error) {
      return {
        sdl: null,
        problems: [
          { kind: "url", code: "SDL_UNAVAILABLE", coordinate: "url", message: `could not fetch the SDL from ${candidate.url}: ${(error as Error).message}` },
        ],
      };
    }
  }

  /** Runs every check on a candidate against the registry as of `snapshot`; holds no connection while composing. */
  private async runChecks(
    snapshot: Snapshot,
    actor: AdminActor,
    candidate: Candidate,
    sdl: string,
    urlProblems: Problem[],
  ): Promise<CheckResult & { network: Network }> {
    const network = await this.owningNetwork(snapshot, actor, candidate);
    const problems: Problem[] = [...urlProblems];
    if (!SUBGRAPH_NAME.test(candidate.name) || this.options.coreSubgraphs.some((core) => core.name.toLowerCase() === candidate.name.toLowerCase())) {
      problems.push({
        kind: "sdl",
        code: "INVALID_NAME",
        coordinate: "name",
        message: `subgraph name ${JSON.stringify(candidate.name)} must be 2-63 lower-case letters, digits, - or _, and not a core subgraph's`,
      });
    }
    const others = snapshot.partners.filter((partner) => partner.name !== candidate.name);
    const policy = checkPartnerPolicy(sdl, {
      network: network.slug,
      coreSdls: this.options.coreSubgraphs.map((core) => core.sdl),
      otherPartners: others
        .filter((other) => other.networkId !== network.id)
        .map((other) => ({ network: other.networkSlug, name: other.name, sdl: other.sdl })),
      otherNetworks: snapshot.networks.filter((other) => other.id !== network.id).map((other) => other.slug),
      maxSdlBytes: this.options.maxSdlBytes,
    });
    problems.push(...policy.map((problem) => ({ kind: "policy" as const, ...problem })));
    if (problems.length > 0) return { ok: false, problems, network };

    const composed = await this.compose([
      ...this.options.coreSubgraphs,
      ...others.map((other) => ({ name: other.name, url: other.routingUrl, sdl: other.sdl })),
      { name: candidate.name, url: candidate.url, sdl },
    ]);
    if (composed.supergraphSdl === null) return { ok: false, problems: composed.problems, network };
    const breaking = snapshot.live ? await breakingChanges(snapshot.live.sdl, composed.supergraphSdl) : [];
    return { ok: breaking.length === 0, problems: breaking, supergraphSdl: composed.supergraphSdl, network };
  }

  /** Checks a candidate against the live graph; changes nothing. */
  async check(actor: AdminActor, candidate: Candidate): Promise<CheckResult> {
    const { sdl, problems } = await this.prepare(candidate);
    if (sdl === null) return { ok: false, problems };
    const { network: _network, ...result } = await this.runChecks(await this.snapshot(), actor, candidate, sdl, problems);
    return result;
  }

  /** Checks, then registers the candidate and stores the new supergraph, all or nothing; 409 when the registry keeps changing meanwhile. */
  async publish(actor: AdminActor, candidate: Candidate): Promise<CheckResult & { version?: number }> {
    const { sdl, problems } = await this.prepare(candidate);
    if (sdl === null) return { ok: false, problems };
    return this.exclusive(() =>
      this.withRetries<CheckResult & { version?: number }>(`subgraph ${candidate.name}`, async () => {
        const snapshot = await this.snapshot();
        const result = await this.runChecks(snapshot, actor, candidate, sdl, problems);
        if (!result.ok || !result.supergraphSdl) return { ok: false, problems: result.problems };
        const supergraphSdl = result.supergraphSdl;
        let version = 0;
        const committed = await this.commitIfUnchanged(snapshot.revision, async (manager) => {
          const repository = manager.getRepository(PartnerSubgraph);
          const existing = await repository.findOneBy({ name: candidate.name });
          version = (existing?.version ?? 0) + 1;
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
          await this.storeSupergraph(manager, supergraphSdl, `publish ${candidate.name} v${version} by ${actorLabel(actor)}`);
          return true;
        });
        return committed ? { ok: true, problems: [], supergraphSdl, version } : CONFLICT;
      }),
    );
  }

  /** Takes a partner subgraph out of the graph (operator, or its own network). */
  async remove(actor: AdminActor, name: string): Promise<void> {
    await this.exclusive(() =>
      this.withRetries<void>(`removing ${name}`, async () => {
        const snapshot = await this.snapshot();
        const existing = snapshot.partners.find((partner) => partner.name === name);
        if (!existing || (actor.kind === "network" && actor.networkId !== existing.networkId))
          throw new RegistryError(404, `no active subgraph ${name} of yours`, "SUBGRAPH_NOT_FOUND");
        const others = snapshot.partners.filter((partner) => partner.name !== name);
        const composed = await this.compose([
          ...this.options.coreSubgraphs,
          ...others.map((other) => ({ name: other.name, url: other.routingUrl, sdl: other.sdl })),
        ]);
        if (composed.supergraphSdl === null) {
          throw new RegistryError(
            409,
            `removing ${name} would break composition: ${composed.problems.map((p) => p.message).join("; ")}`,
            "COMPOSITION_WOULD_BREAK",
          );
        }
        const supergraphSdl = composed.supergraphSdl;
        const committed = await this.commitIfUnchanged(snapshot.revision, async (manager) => {
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
          await this.storeSupergraph(manager, supergraphSdl, `remove ${name} by ${actorLabel(actor)}`);
          return true;
        });
        return committed ? undefined : CONFLICT;
      }),
    );
  }

  /**
   * Stores a supergraph unless it equals the newest, and tells every replica; true when stored. `inputsHash`
   * ({@link compositionInputsHash}) is recorded with it, so a gateway restarted on the same inputs skips composing.
   */
  private async storeSupergraph(manager: EntityManager, sdl: string, reason: string, inputsHash: string | null = null): Promise<boolean> {
    const hash = sha256(sdl);
    const latest = await this.latestSupergraph(manager);
    if (latest?.sdlHash === hash) {
      if (inputsHash && latest.inputsHash !== inputsHash) await manager.getRepository(SupergraphVersion).update({ id: latest.id }, { inputsHash });
      return false;
    }
    await manager.getRepository(SupergraphVersion).insert({ sdl, sdlHash: hash, reason, inputsHash });
    await manager.query(`SELECT pg_notify($1, $2)`, [REGISTRY_CHANNEL, hash]);
    return true;
  }

  /**
   * The supergraph a starting gateway serves: the core (as deployed) plus every active partner from
   * stored SDL, so unreachable partners do not matter; if that no longer composes, the last good one.
   * Composed outside any transaction; if the registry changed meanwhile, the newer stored one wins.
   */
  async startupSupergraph(): Promise<string> {
    const snapshot = await this.snapshot();
    const subgraphs = [...this.options.coreSubgraphs, ...snapshot.partners.map((p) => ({ name: p.name, url: p.routingUrl, sdl: p.sdl }))];
    const inputsHash = compositionInputsHash(subgraphs);
    // Nothing changed since the newest supergraph was composed (the usual restart): it is what composing would give.
    if (snapshot.live?.inputsHash === inputsHash) {
      logger.info({ supergraph: snapshot.live.id }, "nothing changed since the stored supergraph was composed: serving it");
      return snapshot.live.sdl;
    }
    const composed = await this.compose(subgraphs);
    if (composed.supergraphSdl !== null) {
      const supergraphSdl = composed.supergraphSdl;
      if (await this.commitIfUnchanged(snapshot.revision, (manager) => this.storeSupergraph(manager, supergraphSdl, "gateway start", inputsHash))) {
        return supergraphSdl;
      }
      const newer = await this.latestSupergraph();
      logger.info({ supergraph: newer?.id }, "the registry changed while the gateway composed; serving the newer supergraph");
      return newer?.sdl ?? supergraphSdl;
    }
    logger.error({ problems: composed.problems }, "registry no longer composes; serving the last good supergraph");
    if (snapshot.live) return snapshot.live.sdl;
    const core = await this.compose(this.options.coreSubgraphs);
    if (core.supergraphSdl === null) throw new Error(`the core subgraphs do not compose: ${core.problems.map((p) => p.message).join("; ")}`);
    return core.supergraphSdl;
  }
}

/** A slug's type prefix, or null when it names no namespace. */
function safePrefix(slug: string): string | null {
  try {
    return networkPrefixes(slug).typePrefix;
  } catch {
    return null;
  }
}

function actorLabel(actor: AdminActor): string {
  return actor.kind === "operator" ? "operator" : `key:${actor.keyId}`;
}

function managedNetwork(row: Record<string, unknown>): ManagedNetwork {
  return {
    slug: row.slug as string,
    name: row.name as string,
    contact: (row.contact as string | null) ?? null,
    trustLevel: row.trust_level as TrustLevel,
    trustChangedAt: (row.trust_changed_at as Date | null) ?? null,
    createdAt: row.created_at as Date,
  };
}

function managedModerator(moderator: Moderator): ManagedModerator {
  return { handle: moderator.handle, name: moderator.name, createdAt: moderator.createdAt, revokedAt: moderator.revokedAt };
}
