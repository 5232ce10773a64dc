import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "@agora-hub/subgraph-kit";
import type { CreativeTracksContext } from "../creative-tracks.loaders";
import { Organisation } from "../organisation/organisation.stub";
import { Person } from "../person/person.stub";
import { CreativeTracksLabsArgs } from "./lab.args";
import { CreativeTracksLab } from "./lab.entity";
import { CreativeTracksCreateLabInput } from "./lab.inputs";
import { createLab, deleteLab, findLab, labAuthor, labHostOrganisation, labStatus, listLabs } from "./lab.service";
import { CreativeTracksLabStatus } from "./lab.type";

@ObjectType("CreativeTracksLabConnection", { description: "A page of Creative Tracks Ideation Labs." })
export class CreativeTracksLabConnection extends ConnectionType(CreativeTracksLab, "CreativeTracksLab") {}

@Resolver(() => CreativeTracksLab)
export class LabResolver {
  @Query(() => CreativeTracksLab, { nullable: true, description: "One Creative Tracks Ideation Lab by id; null when unknown." })
  creativeTracksLab(@Arg("id", () => ID) id: string, @Ctx() context: CreativeTracksContext): Promise<CreativeTracksLab | null> {
    return findLab(context, id);
  }

  // Root fields are nullable, as the hub's partner policy requires: a failing partner must not null the whole response.
  @Query(() => CreativeTracksLabConnection, { nullable: true, description: "Creative Tracks Ideation Labs, filtered and paginated, newest first." })
  async creativeTracksLabs(@Args() args: CreativeTracksLabsArgs, @Ctx() context: CreativeTracksContext): Promise<CreativeTracksLabConnection> {
    return new CreativeTracksLabConnection(await listLabs(context, args));
  }

  @FieldResolver(() => CreativeTracksLabStatus, { description: "OPEN until the expiry date passes, then EXPIRED." })
  status(@Root() lab: CreativeTracksLab): CreativeTracksLabStatus {
    return labStatus(lab);
  }

  @FieldResolver(() => Person, { nullable: true, description: "The member who posted the lab." })
  author(@Root() lab: CreativeTracksLab): Person {
    return labAuthor(lab);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation hosting the lab; null for a lab posted by an individual." })
  hostOrganisation(@Root() lab: CreativeTracksLab): Organisation | null {
    return labHostOrganisation(lab);
  }

  @Mutation(() => CreativeTracksLab, { nullable: true, description: "Posts a new Creative Tracks Ideation Lab." })
  creativeTracksCreateLab(@Arg("input") input: CreativeTracksCreateLabInput, @Ctx() context: CreativeTracksContext): Promise<CreativeTracksLab> {
    return createLab(context, input);
  }

  @Mutation(() => ID, { nullable: true, description: "Deletes a Creative Tracks Ideation Lab; returns its id." })
  creativeTracksDeleteLab(@Arg("id", () => ID) id: string, @Ctx() context: CreativeTracksContext): Promise<string> {
    return deleteLab(context, id);
  }
}
