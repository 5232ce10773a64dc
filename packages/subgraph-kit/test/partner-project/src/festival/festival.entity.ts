import { CountryCode, LocalizedText, LocalizedTextColumn } from "@agora-hub/subgraph-kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

@Directive('@key(fields: "id")')
// GraphQL names carry the network's prefix (`Festivals…`, `festivals…`): the hub's registry refuses others.
@ObjectType("FestivalsFestival", { description: "A festival listed by the partner network." })
@Entity()
export class Festival {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => LocalizedText, { description: "The festival's name, in the languages it is known by." })
  @LocalizedTextColumn()
  name!: LocalizedText;

  @Field(() => CountryCode, { description: "Where it takes place." })
  @Column("text")
  country!: CountryCode;

  @Field({ description: "When it was listed." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
