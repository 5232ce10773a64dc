import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root, Info } from "type-graphql";
import { FacetsType, SearchableConnectionType, listSelection } from "@agora-hub/subgraph-kit";
import type { JsonLdNode } from "../../../domain/open-formats/json-ld";
import { JSONObject } from "../../../domain/open-formats/json-ld";
import { PeopleArgs } from "./person.args";
import { Person } from "./person.entity";
import { personJsonLd } from "./person.jsonld";
import { CreatePersonInput, UpdatePersonInput, UpsertPersonInput } from "./person.inputs";
import {
  createPerson,
  deletePerson,
  findPerson,
  listPeople,
  type PeopleContext,
  type PeopleFacetDimension,
  updatePerson,
  upsertPerson,
} from "./person.service";
import { canSeeContact } from "./person.visibility";

export const PeopleFacets = FacetsType<PeopleFacetDimension>("PeopleFacets", {
  items: "people",
  dimensions: {
    disciplines: "Per discipline practised.",
    countries: "Per country of residence (ISO 3166-1 alpha-2).",
    languages: "Per spoken language (BCP 47).",
    networks: "Per network (slug).",
    openTo: "Per kind of offer welcomed.",
  },
});

@ObjectType({ description: "A page of people." })
export class PersonConnection extends SearchableConnectionType(Person, "Person", PeopleFacets) {}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "One person by id; null when unknown." })
  person(@Arg("id", () => ID) id: string, @Ctx() context: PeopleContext): Promise<Person | null> {
    return findPerson(context, id);
  }

  @Query(() => PersonConnection, { nullable: true, description: "People of all networks, filtered and paginated." })
  async people(@Args() args: PeopleArgs, @Ctx() context: PeopleContext, @Info() info: GraphQLResolveInfo): Promise<PersonConnection> {
    return new PersonConnection(await listPeople(context, args, listSelection(info)));
  }

  @FieldResolver(() => String, { nullable: true, description: "Contact email: visible to the person's own network and the operator, null for everyone else." })
  contactEmail(@Root() person: Person, @Ctx() context: PeopleContext): string | null {
    return canSeeContact(context.viewer, person) ? person.contactEmail : null;
  }

  @FieldResolver(() => JSONObject, {
    description: "The person as schema.org JSON-LD (`Person`), for search engines and linked-data clients; never includes contact data.",
  })
  jsonLd(@Root() person: Person, @Ctx() context: PeopleContext): JsonLdNode {
    return personJsonLd(context.hubUrl, person);
  }

  @Mutation(() => Person, { nullable: true, description: "Adds a person." })
  createPerson(@Arg("input") input: CreatePersonInput, @Ctx() context: PeopleContext): Promise<Person> {
    return createPerson(context, input);
  }

  @Mutation(() => Person, {
    nullable: true,
    description: "Creates or updates the person with this network and source id, so a network can sync the same record again and again.",
  })
  upsertPerson(@Arg("input") input: UpsertPersonInput, @Ctx() context: PeopleContext): Promise<Person> {
    return upsertPerson(context, input);
  }

  @Mutation(() => Person, { nullable: true, description: "Changes a person's fields." })
  updatePerson(@Arg("id", () => ID) id: string, @Arg("input") input: UpdatePersonInput, @Ctx() context: PeopleContext): Promise<Person> {
    return updatePerson(context, id, input);
  }

  @Mutation(() => ID, {
    nullable: true,
    description:
      "Deletes a person everywhere: an erasure, recorded in the audit log and the erasure feed that other subgraphs and partners follow; returns its id.",
  })
  deletePerson(@Arg("id", () => ID) id: string, @Ctx() context: PeopleContext): Promise<string> {
    return deletePerson(context, id);
  }
}
