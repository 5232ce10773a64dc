import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/** A partner network: owns API keys and partner subgraphs. */
@Entity("network")
export class Network {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** Lower-case slug; also the network's namespace in the graph (`creative-tracks` → `CreativeTracks…`). */
  @Column("text", { unique: true })
  slug!: string;

  @Column("text")
  name!: string;

  @Column("text", { nullable: true })
  contact!: string | null;

  /** Set by the operator: a trusted network's records publish at once, an untrusted one's wait for review. */
  @Column("text", { default: "UNTRUSTED" })
  trustLevel!: TrustLevel;

  @Column("timestamptz", { nullable: true })
  trustChangedAt!: Date | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}

/** How far the operator trusts a network's records: TRUSTED publish at once, UNTRUSTED wait for a moderator. */
export type TrustLevel = "TRUSTED" | "UNTRUSTED";
export const TRUST_LEVELS = ["TRUSTED", "UNTRUSTED"] as const;

/** A person the operator lets approve and reject records, with API keys of their own; revoking them revokes their keys. */
@Entity("moderator")
export class Moderator {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** Lower-case handle recorded in the audit trail of every decision they make. */
  @Column("text", { unique: true })
  handle!: string;

  @Column("text")
  name!: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Column("timestamptz", { nullable: true })
  revokedAt!: Date | null;
}

/** An API key of one network or one moderator. Only a hash of the secret is kept; the key is shown once, when created. */
@Entity("api_key")
export class ApiKey {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column("uuid", { nullable: true })
  networkId!: string | null;

  @Column("uuid", { nullable: true })
  moderatorId!: string | null;

  /** Public part of the key, used to find it; the key reads `agora_<keyId>_<secret>`. */
  @Column("text", { unique: true })
  keyId!: string;

  @Column("text")
  secretHash!: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Column("timestamptz", { nullable: true })
  revokedAt!: Date | null;

  @Column("timestamptz", { nullable: true })
  lastUsedAt!: Date | null;
}

export type PartnerSubgraphStatus = "active" | "removed";

/** A partner subgraph as currently registered. */
@Entity("partner_subgraph")
export class PartnerSubgraph {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column("text", { unique: true })
  name!: string;

  @Column("uuid")
  networkId!: string;

  @Column("text")
  routingUrl!: string;

  @Column("text")
  sdl!: string;

  @Column("text")
  sdlHash!: string;

  @Column("text")
  status!: PartnerSubgraphStatus;

  @Column("int")
  version!: number;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}

/** History of a partner subgraph: every publish and removal, with who did it and when. */
@Entity("partner_subgraph_version")
export class PartnerSubgraphVersion {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column("text")
  subgraphName!: string;

  @Column("uuid")
  networkId!: string;

  @Column("int")
  version!: number;

  @Column("text")
  action!: "publish" | "remove";

  @Column("text")
  routingUrl!: string;

  @Column("text", { nullable: true })
  sdlHash!: string | null;

  /** `operator` or `key:<keyId>`. */
  @Column("text")
  actor!: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}

/** Every supergraph the registry composed; the newest is what all gateway replicas serve. */
@Entity("supergraph_version")
export class SupergraphVersion {
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id!: string;

  @Column("text")
  sdl!: string;

  @Column("text")
  sdlHash!: string;

  @Column("text")
  reason!: string;

  /** `compositionInputsHash` of what it was composed from, when recorded (gateway starts record it). */
  @Column("text", { nullable: true })
  inputsHash!: string | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}

export const REGISTRY_ENTITIES = [Network, Moderator, ApiKey, PartnerSubgraph, PartnerSubgraphVersion, SupergraphVersion];
