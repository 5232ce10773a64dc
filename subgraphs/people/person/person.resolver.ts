import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../../kit";
import { PeopleArgs } from "./person.args";
import { Person } from "./person.entity";
import { CreatePersonInput, UpdatePersonInput } from "./person.inputs";
import { createPerson, deletePerson, findPerson, listPeople, type PeopleContext, updatePerson } from "./person.service";
import { canSeeContact } from "./person.visibility";

@ObjectType({ description: "A page of people." })
export class PersonConnection extends ConnectionType(Person, "Person") {}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "One person by id; null when unknown." })
  person(@Arg("id", () => ID) id: string, @Ctx() context: PeopleContext): Promise<Person | null> {
    return findPerson(context, id);
  }

  @Query(() => PersonConnection, { description: "People of all networks, filtered and paginated." })
  async people(@Args() args: PeopleArgs, @Ctx() context: PeopleContext): Promise<PersonConnection> {
    return new PersonConnection(await listPeople(context, args));
  }

  @FieldResolver(() => String, { nullable: true, description: "Contact email: visible to the person's own network and the operator, null for everyone else." })
  contactEmail(@Root() person: Person, @Ctx() context: PeopleContext): string | null {
    return canSeeContact(context.viewer, person) ? person.contactEmail : null;
  }

  @Mutation(() => Person, { description: "Adds a person." })
  createPerson(@Arg("input") input: CreatePersonInput, @Ctx() context: PeopleContext): Promise<Person> {
    return createPerson(context, input);
  }

  @Mutation(() => Person, { description: "Changes a person's fields." })
  updatePerson(@Arg("id", () => ID) id: string, @Arg("input") input: UpdatePersonInput, @Ctx() context: PeopleContext): Promise<Person> {
    return updatePerson(context, id, input);
  }

  @Mutation(() => ID, { description: "Deletes a person; returns its id." })
  deletePerson(@Arg("id", () => ID) id: string, @Ctx() context: PeopleContext): Promise<string> {
    return deletePerson(context, id);
  }
}
