import { graphql } from "graphql";
import { Arg, Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import { buildSubgraphSchema, type SubgraphDefinition } from "../src";

/** A type whose own method takes a scalar argument and the context, as `LocalizedText.text(lang)` does. */
@ObjectType()
class Greeter {
  @Field()
  salutation!: string;

  @Field(() => String, { description: "A getter: read, not called." })
  get shout(): string {
    return this.salutation.toUpperCase();
  }

  @Field(() => String)
  greeting(@Arg("name") name: string, @Ctx() context: { punctuation: string }): string {
    return `${this.salutation}, ${name}${context.punctuation}`;
  }
}

@Resolver()
class GreeterResolver {
  @Query(() => Greeter)
  greeter(): Greeter {
    return Object.assign(new Greeter(), { salutation: "Hello" });
  }

  @Query(() => Greeter, { description: "Not an instance: type-graphql makes one before calling the method." })
  plainGreeter(): Greeter {
    return { salutation: "Hi" } as Greeter;
  }
}

const greeters: SubgraphDefinition<Record<string, never>> = {
  name: "greeters",
  defaultPort: 0,
  resolvers: [GreeterResolver],
  entities: [],
  migrations: [],
  createLoaders: () => ({}),
};

async function ask(source: string, variables?: Record<string, unknown>) {
  const schema = await buildSubgraphSchema(greeters);
  return graphql({ schema, source, variableValues: variables, contextValue: { punctuation: "!" } });
}

describe("a type's own field methods with scalar arguments", () => {
  it("are called with their argument and the request's context", async () => {
    expect((await ask(`{ greeter { greeting(name: "Ada") } }`)).data).toEqual({ greeter: { greeting: "Hello, Ada!" } });
  });

  it("read a field that is a getter", async () => {
    expect((await ask(`{ greeter { shout } plainGreeter { shout } }`)).data).toEqual({ greeter: { shout: "HELLO" }, plainGreeter: { shout: "HI" } });
  });

  it("are called on a root that is not yet an instance of the type", async () => {
    expect((await ask(`{ plainGreeter { greeting(name: "Ada") } }`)).data).toEqual({ plainGreeter: { greeting: "Hi, Ada!" } });
  });

  it("refuse a NUL character in an argument, naming it, as every argument is checked", async () => {
    const answer = await ask(`query ($name: String!) { greeter { greeting(name: $name) } }`, { name: "A\u0000da" });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
  });
});
