import { NETWORK_SLUG_PATTERN } from "@agora-hub/runtime";
import { IsOptional, Length, Matches } from "class-validator";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/**
 * Columns every record of the hub carries: a UUID, the network it comes from with its id there,
 * and timestamps. Entities extend it; it is never a GraphQL type of its own.
 */
@ObjectType()
export abstract class NetworkRecord {
  @Field(() => ID, { description: "Stable hub-wide identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field({ description: "Slug of the network this record comes from, e.g. `creative-tracks`." })
  @Column("text")
  network!: string;

  @Field(() => String, { nullable: true, description: "The record's identifier in its source network." })
  @Column("text", { nullable: true })
  sourceId!: string | null;

  @Field()
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}

/**
 * Adds the source-network fields to a create input. A mixin, because create inputs already extend
 * their subgraph's shared field set; the network of a record is fixed once created.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base must accept any constructor arguments (TS2545)
export function withNetworkSource<TBase extends abstract new (...args: any[]) => object>(Base: TBase) {
  @InputType()
  abstract class NetworkSourceInput extends Base {
    @Field({ description: "Slug of the source network, e.g. `creative-tracks`." })
    @Matches(NETWORK_SLUG_PATTERN, { message: "must be a slug of lower-case letters, digits and hyphens (at most 63)" })
    network!: string;

    @Field(() => String, { nullable: true, description: "The record's identifier in its source network; unique per network." })
    @IsOptional()
    @Length(1, 200, { message: "must be 1 to 200 characters" })
    sourceId?: string | null;
  }
  return NetworkSourceInput;
}
