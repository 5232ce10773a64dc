import { graphql } from "graphql";
import { Arg, Args, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import { buildSubgraphSchema, PageArgs, type SubgraphDefinition } from "../src";

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

/** What a field resolver of a resolver class was called with, as `Organisation.events(first: 5)` is. */
@ObjectType()
class Window {
  @Field(() => String)
  seen!: string;
}

@Resolver(() => Greeter)
class GreeterWindowResolver {
  @FieldResolver(() => Window)
  window(@Root() greeter: Greeter, @Args() page: PageArgs, @Ctx() context: { punctuation: string }): Window {
    const seen = [greeter instanceof Greeter, greeter.salutation, page instanceof PageArgs, JSON.stringify(page), context.punctuation];
    return Object.assign(new Window(), { seen: seen.join(" ") });
  }
}

const greeters: SubgraphDefinition<Record<string, never>> = {
  name: "greeters",
  defaultPort: 0,
  resolvers: [GreeterResolver, GreeterWindowResolver],
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

describe("a resolver class's field resolvers taking the root and page arguments", () => {
  it("get the root and the arguments as instances of their types, the same on every call", async () => {
    const source = `{ greeter { window(first: 3, after: null) { seen } } plainGreeter { window { seen } } }`;
    const expected = {
      greeter: { window: { seen: 'true Hello true {"first":3,"after":null} !' } },
      plainGreeter: { window: { seen: 'true Hi true {"first":20} !' } },
    };
    // The first answer goes through type-graphql's validation, the next ones reuse what it found valid.
    for (let round = 0; round < 3; round++) expect((await ask(source)).data).toEqual(expected);
  });

  it("refuse arguments that break a rule once other values were found valid", async () => {
    expect((await ask(`{ greeter { window(first: 3) { seen } } }`)).errors).toBeUndefined();
    const answer = await ask(`{ greeter { window(first: 101) { seen } } }`);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("refuse a NUL character in an argument once the other values were found valid", async () => {
    expect((await ask(`query ($after: String) { greeter { window(first: 3, after: $after) { seen } } }`, { after: "abc" })).errors).toBeUndefined();
    const answer = await ask(`query ($after: String) { greeter { window(first: 3, after: $after) { seen } } }`, { after: "a\u0000bc" });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});
