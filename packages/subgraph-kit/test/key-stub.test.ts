import { printSubgraphSchema } from "@apollo/subgraph";
import { type FieldDefinitionNode, graphql, type GraphQLSchema, Kind, type ObjectTypeDefinitionNode, parse, print } from "graphql";
import { Directive, Field, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { ExtendedKeyStub, KeyStub } from "../src/graph/key-stub";
import { buildSubgraphSchema } from "../src/schema/build-subgraph-schema";
import type { SubgraphDefinition } from "../src/subgraph";

const Person = KeyStub("Person");
type Person = InstanceType<typeof Person>;

@ExtendedKeyStub()
class Opportunity extends KeyStub("Opportunity") {
  @Directive("@external")
  @Field(() => [String])
  tags!: string[];
}

const Export = KeyStub("Export", { personId: "ID", network: "String", version: "Int" });
type Export = InstanceType<typeof Export>;

@Resolver(() => Person)
class PersonNickResolver {
  @FieldResolver(() => String, { description: "Contributed by this subgraph." })
  nick(@Root() person: Person): string {
    return `nick-${person.id}`;
  }
}

@Resolver(() => Opportunity)
class OpportunityTagCountResolver {
  @Directive('@requires(fields: "tags")')
  @FieldResolver(() => Int)
  tagCount(@Root() opportunity: Opportunity): number {
    return opportunity.tags.length;
  }
}

@Resolver(() => Export)
class ExportResolver {
  @FieldResolver(() => String)
  label(@Root() key: Export): string {
    return `${key.network}/${key.personId}@${key.version}`;
  }

  @Query(() => Person)
  somePerson(): Person {
    return Person.of({ id: "p-1" });
  }
}

function definition(resolvers: SubgraphDefinition["resolvers"], orphanedTypes: SubgraphDefinition["orphanedTypes"]): SubgraphDefinition {
  return { name: "stubs", defaultPort: 4999, resolvers, orphanedTypes, referenceResolvers: {}, entities: [], migrations: [], createLoaders: () => ({}) };
}

function objectType(schema: GraphQLSchema, name: string): ObjectTypeDefinitionNode {
  const type = parse(printSubgraphSchema(schema)).definitions.find(
    (node): node is ObjectTypeDefinitionNode => node.kind === Kind.OBJECT_TYPE_DEFINITION && node.name.value === name,
  );
  if (!type) throw new Error(`no type ${name} in the schema`);
  return type;
}

const fieldsOf = (type: ObjectTypeDefinitionNode): string[] =>
  (type.fields ?? []).map(
    (field: FieldDefinitionNode) => `${field.name.value}: ${print(field.type)}${field.directives?.map((d) => ` ${print(d)}`).join("") ?? ""}`,
  );
const directivesOf = (type: ObjectTypeDefinitionNode): string[] => (type.directives ?? []).map((directive) => print(directive));

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildSubgraphSchema(definition([ExportResolver, PersonNickResolver, OpportunityTagCountResolver], [Person, Opportunity, Export]));
});

describe("KeyStub", () => {
  it("declares the type with its @key over id, and the fields the subgraph contributes", () => {
    const person = objectType(schema, "Person");
    expect(directivesOf(person)).toEqual(['@key(fields: "id")']);
    expect(fieldsOf(person)).toEqual(["id: ID!", "nick: String!"]);
  });

  it("declares a compound key with typed fields, in key order", () => {
    const stub = objectType(schema, "Export");
    expect(directivesOf(stub)).toEqual(['@key(fields: "personId network version")']);
    expect(fieldsOf(stub)).toEqual(["personId: ID!", "network: String!", "version: Int!", "label: String!"]);
  });

  it("lets an extended stub add @external fields after the key, for @requires", () => {
    const opportunity = objectType(schema, "Opportunity");
    expect(directivesOf(opportunity)).toEqual(['@key(fields: "id")']);
    expect(fieldsOf(opportunity)).toEqual(["id: ID!", "tags: [String!]! @external", 'tagCount: Int! @requires(fields: "tags")']);
  });

  it("answers representations without a reference resolver, contributed and required fields included", async () => {
    const result = await graphql({
      schema,
      source: `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Person { id nick }
          ... on Opportunity { tagCount }
          ... on Export { label }
        }
      }`,
      variableValues: {
        representations: [
          { __typename: "Person", id: "p-1" },
          { __typename: "Opportunity", id: "o-1", tags: ["dance", "film"] },
          { __typename: "Export", personId: "p-1", network: "culture-agora", version: 2 },
        ],
      },
    });
    expect(result).toEqual({ data: { _entities: [{ id: "p-1", nick: "nick-p-1" }, { tagCount: 2 }, { label: "culture-agora/p-1@2" }] } });
  });

  it("makes instances of the stub class holding only the key", () => {
    const person = Person.of({ id: "p-1", nick: "not copied" } as { id: string });
    expect(person).toBeInstanceOf(Person);
    expect({ ...person }).toEqual({ id: "p-1" });
    const opportunity = Opportunity.of({ id: "o-1" });
    expect(opportunity).toBeInstanceOf(Opportunity);
    expect(opportunity.id).toBe("o-1");
  });

  it("makes a new class each call, so two subgraphs' stubs of one type keep their own fields", async () => {
    const OtherPerson = KeyStub("Person");
    @Resolver(() => OtherPerson)
    class OtherPersonResolver {
      @FieldResolver(() => Int)
      age(): number {
        return 7;
      }

      @Query(() => Int)
      answer(): number {
        return 42;
      }
    }
    const other = await buildSubgraphSchema(definition([OtherPersonResolver], [OtherPerson]));
    expect(fieldsOf(objectType(other, "Person"))).toEqual(["id: ID!", "age: Int!"]);
    expect(fieldsOf(objectType(schema, "Person"))).toEqual(["id: ID!", "nick: String!"]);
  });

  it.each([
    ["a type name that is not a GraphQL name", () => KeyStub("Per son"), /"Per son" is not a GraphQL type name/],
    ["an empty key", () => KeyStub("Person", {}), /the key needs at least one field/],
    ["a key field that is not a GraphQL name", () => KeyStub("Person", { "person-id": "ID" }), /"person-id" is not a GraphQL field name/],
    ["a key field of another type", () => KeyStub("Person", { id: "Float" as "ID" }), /id must be ID, String or Int, not Float/],
  ])("refuses %s", (_case, make, message) => {
    expect(make).toThrow(message);
  });

  it("refuses @ExtendedKeyStub() on a class that does not extend a KeyStub", () => {
    class Plain {}
    expect(() => ExtendedKeyStub()(Plain)).toThrow("@ExtendedKeyStub(): Plain must extend KeyStub(...) directly");
  });
});
