import { IsOptional } from "class-validator";
import { Field, InputType, ObjectType } from "type-graphql";
import { Column } from "typeorm";
import { NetworkRecord } from "../graph/network-record";
import { PublicationState } from "./publication-state";

/**
 * A network record under moderation (every record of the hub's core subgraphs): its publication state, the
 * reason of its last rejection and when its state last changed. Its writes go through `NetworkRecordWriter`,
 * which sets the state by the writer's trust; its reads through loaders and lists that hide what the viewer
 * may not see (`publication-visibility.ts`); its state changes through `createPublicationResolver`.
 */
@ObjectType()
export abstract class ModeratedRecord extends NetworkRecord {
  @Field(() => PublicationState, {
    description: "Where the record stands in moderation; only PUBLISHED records are listed publicly, ARCHIVED ones stay resolvable by id.",
  })
  @Column("text", { default: PublicationState.PUBLISHED })
  publicationState!: PublicationState;

  @Field(() => String, {
    nullable: true,
    description: "Why a moderator rejected the record, while it is REJECTED (only its network, moderators and the operator see rejected records).",
  })
  @Column("text", { nullable: true })
  rejectionReason!: string | null;

  @Field({ description: "When the publication state last changed." })
  @Column("timestamptz", { default: () => "now()" })
  publicationChangedAt!: Date;
}

/** Whether a record class (or a record) is moderated. */
export function isModerated(record: object): record is ModeratedRecord {
  return record instanceof ModeratedRecord;
}

/**
 * Adds the moderation fields of a create input to one that already has its network source (`withNetworkSource`):
 * `draft`, to keep a new record to its network until it is submitted.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base must accept any constructor arguments (TS2545)
export function withPublicationDraft<TBase extends abstract new (...args: any[]) => object>(Base: TBase) {
  @InputType()
  abstract class PublicationDraftInput extends Base {
    @Field(() => Boolean, {
      nullable: true,
      description:
        "Keep the new record as a DRAFT, seen only by its network, until it is submitted (`change…Publication` with SUBMIT). Otherwise it is PUBLISHED at once when the operator trusts the network, else PENDING_REVIEW.",
    })
    @IsOptional()
    draft?: boolean | null;
  }
  return PublicationDraftInput;
}

/** The publication columns of a record published at `at`, for seeds and bulk inserts that write rows directly. */
export function publishedSince(at: Date): Pick<ModeratedRecord, "publicationState" | "rejectionReason" | "publicationChangedAt"> {
  return { publicationState: PublicationState.PUBLISHED, rejectionReason: null, publicationChangedAt: at };
}
