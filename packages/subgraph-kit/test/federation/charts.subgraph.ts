import { Directive, Field, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { SubgraphDefinition } from "../../src/subgraph";

/*
 * A second test subgraph that contributes to the media subgraph's entities with the features a
 * contributor writes: `@external` with `@requires` and `@provides`, `@override(from:)`, `@extends`,
 * `@interfaceObject`, a `@shareable` value type and a key-only stub with a nested key.
 */

@Directive("@shareable")
@ObjectType({ description: "A score out of five; both subgraphs resolve it." })
class Rating {
  @Field(() => Int, { description: "1 to 5." })
  stars!: number;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A released album." })
class Album {
  @Field(() => ID)
  id!: string;

  @Directive("@external")
  @Field({ description: "The album's title, owned by the media subgraph." })
  title!: string;

  @Directive('@requires(fields: "title")')
  @Field({ description: "The title as the charts print it." })
  chartTitle(): string {
    return `${this.title.toUpperCase()} (charts)`;
  }

  @Directive('@override(from: "media")')
  @Field(() => Int, { description: "How often it was played, counted by the charts." })
  playCount(): number {
    return 1_000;
  }
}

@Directive("@extends")
@Directive('@key(fields: "id")')
@ObjectType({ description: "A performer, owned by the media subgraph." })
class Artist {
  @Directive("@external")
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "Best chart position reached." })
  chartPeak(): number {
    return 3;
  }
}

@Directive('@key(fields: "id")')
@Directive("@interfaceObject")
@ObjectType({ description: "A musical work, whatever its kind." })
class Work {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "How often it is cited." })
  citations!: number;
}

@Directive('@key(fields: "album { id } position", resolvable: false)')
@ObjectType({ description: "A track, owned by the media subgraph." })
class Track {
  @Field(() => Album)
  album!: Album;

  @Field(() => Int)
  position!: number;
}

@ObjectType({ description: "This week's chart." })
class Chart {
  @Field({ description: "The chart's name." })
  name!: string;

  @Directive('@provides(fields: "title")')
  @Field(() => Album, { description: "The number one, with its title known here." })
  leader!: Album;

  @Field(() => Track, { description: "The most played track." })
  topTrack!: Track;

  @Field(() => Rating, { description: "The charts' rating of the leader." })
  rating!: Rating;

  @Field(() => Work, { description: "The most cited work." })
  mostCited!: Work;
}

@Resolver()
class ChartsResolver {
  @Query(() => Chart, { description: "This week's chart." })
  chartsThisWeek(): Chart {
    return Object.assign(new Chart(), {
      name: "week 12",
      leader: Object.assign(new Album(), { id: "album-1", title: "nuits blanches" }),
      topTrack: Object.assign(new Track(), { album: Object.assign(new Album(), { id: "album-1" }), position: 2 }),
      rating: Object.assign(new Rating(), { stars: 5 }),
      mostCited: Object.assign(new Work(), { id: "work-1", citations: 12 }),
    });
  }
}

/** A contributor to the media subgraph's entities. */
export const chartsSubgraph: SubgraphDefinition<Record<string, never>> = {
  name: "charts",
  defaultPort: 0,
  resolvers: [ChartsResolver],
  orphanedTypes: [Artist],
  referenceResolvers: {
    // The representation carries `title` because `chartTitle` @requires it.
    Album: (reference: { id: string; title?: string }) => Object.assign(new Album(), reference),
    Artist: (reference: { id: string }) => Object.assign(new Artist(), reference),
    Work: (reference: { id: string }) => Object.assign(new Work(), { id: reference.id, citations: reference.id === "work-1" ? 12 : 0 }),
  },
  entities: [],
  migrations: [],
  createLoaders: () => ({}),
};
