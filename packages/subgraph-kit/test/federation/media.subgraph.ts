import { DirectiveLocation, GraphQLDirective } from "graphql";
import { Arg, Directive, Field, ID, Int, InterfaceType, ObjectType, Query, Resolver } from "type-graphql";
import type { SubgraphDefinition } from "../../src/subgraph";

/*
 * A test subgraph that owns music catalogue entities and uses the Federation 2 features an owner writes:
 * several `@key`s (one composite), a nested key, an entity interface, `@shareable`, `@inaccessible`,
 * `@tag`, and a custom directive of its own spec kept in the supergraph by `@composeDirective`.
 * Its data is in memory: what is under test is the schema and the reference resolvers, not storage.
 */

/** The custom directive, defined by a spec of the subgraph's own. */
export const LOWERCASE_SPEC_URL = "https://agora-hub.example/lowercase/v1.0";
const lowercase = new GraphQLDirective({
  name: "lowercase",
  description: "The field's value is always lower case.",
  locations: [DirectiveLocation.FIELD_DEFINITION],
});

@Directive('@key(fields: "id")')
@ObjectType({ description: "A performer." })
export class Artist {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The performer's name." })
  name!: string;
}

@Directive("@shareable")
@ObjectType({ description: "A score out of five; both subgraphs resolve it." })
export class Rating {
  @Field(() => Int, { description: "1 to 5." })
  stars!: number;
}

@Directive('@key(fields: "id")')
@Directive('@key(fields: "label catalogueNumber")')
@ObjectType({ description: "A released album, known by its id or by its label's catalogue number." })
export class Album {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The record label." })
  label!: string;

  @Field({ description: "The label's catalogue number." })
  catalogueNumber!: string;

  // Shareable because the charts subgraph provides it on its chart's leader.
  @Directive("@shareable")
  @Directive("@lowercase")
  @Directive('@tag(name: "public")')
  @Field({ description: "The album's title, in lower case." })
  title!: string;

  @Directive("@inaccessible")
  @Field({ description: "The warehouse code: for subgraphs only, never for clients." })
  internalCode!: string;

  @Field(() => Int, { description: "How often it was played; the charts subgraph has taken this field over." })
  playCount!: number;

  @Field(() => Artist, { description: "Who recorded it." })
  artist!: Artist;

  @Field(() => Rating, { description: "The catalogue's rating." })
  rating!: Rating;
}

@Directive('@key(fields: "album { id } position")')
@ObjectType({ description: "One track of an album, known by its album and position." })
export class Track {
  @Field(() => Album, { description: "The album holding the track." })
  album!: Album;

  @Field(() => Int, { description: "1 for the first track." })
  position!: number;

  @Field({ description: "The track's title." })
  title!: string;
}

@Directive('@key(fields: "id")')
@InterfaceType({ description: "A musical work, recorded or written down." })
export abstract class Work {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The work's title." })
  title!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Work, description: "A recorded work." })
export class Recording extends Work {
  @Field(() => Int, { description: "Length in seconds." })
  seconds!: number;
}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Work, description: "A written work." })
export class Score extends Work {
  @Field(() => Int, { description: "Number of pages." })
  pages!: number;
}

const ARTIST = Object.assign(new Artist(), { id: "artist-1", name: "Nadia Quartet" });
export const ALBUM = Object.assign(new Album(), {
  id: "album-1",
  label: "Ondes",
  catalogueNumber: "OND-042",
  title: "nuits blanches",
  internalCode: "W-17",
  playCount: 7,
  artist: ARTIST,
  rating: Object.assign(new Rating(), { stars: 4 }),
});
const TRACKS = ["prélude", "nocturne", "aube"].map((title, index) => Object.assign(new Track(), { album: ALBUM, position: index + 1, title }));
const WORKS: Work[] = [
  Object.assign(new Recording(), { id: "work-1", title: "nocturne (live)", seconds: 312 }),
  Object.assign(new Score(), { id: "work-2", title: "nocturne for strings", pages: 24 }),
];

@Resolver()
class MediaResolver {
  @Query(() => Album, { nullable: true, description: "An album by id." })
  mediaAlbum(@Arg("id", () => ID) id: string): Album | null {
    return id === ALBUM.id ? ALBUM : null;
  }

  @Query(() => [Track], { description: "The tracks of an album, in order." })
  mediaTracks(@Arg("albumId", () => ID) albumId: string): Track[] {
    return TRACKS.filter((track) => track.album.id === albumId);
  }
}

/** The owner of albums, tracks, artists and works. */
export const mediaSubgraph: SubgraphDefinition<Record<string, never>> = {
  name: "media",
  defaultPort: 0,
  resolvers: [MediaResolver],
  orphanedTypes: [Recording, Score],
  directives: [lowercase],
  links: [{ url: LOWERCASE_SPEC_URL, import: ["@lowercase"] }],
  composeDirectives: ["@lowercase"],
  referenceResolvers: {
    // Typed by the key each is called with: either key of Album, the nested key of Track.
    Album: (reference: { id: string } | { label: string; catalogueNumber: string }) =>
      ("id" in reference ? reference.id === ALBUM.id : reference.label === ALBUM.label && reference.catalogueNumber === ALBUM.catalogueNumber) ? ALBUM : null,
    Track: (reference: { album: { id: string }; position: number }) =>
      TRACKS.find((track) => track.album.id === reference.album.id && track.position === reference.position) ?? null,
    Artist: (reference: { id: string }) => (reference.id === ARTIST.id ? ARTIST : null),
    // The charts subgraph sees works as one `@interfaceObject`; the gateway asks here which type each is.
    Work: (reference: { id: string }) => WORKS.find((work) => work.id === reference.id) ?? null,
  },
  entities: [],
  migrations: [],
  createLoaders: () => ({}),
};
