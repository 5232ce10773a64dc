import { createUnionType, Field, Float, Int, ObjectType } from "type-graphql";
import { PageInfo } from "@agora-hub/subgraph-kit";
import { Event } from "../event/event.stub";
import { Opportunity } from "../opportunity/opportunity.stub";
import { Organisation } from "../organisation/organisation.stub";
import { Person } from "../person/person.stub";
import { Resource } from "../resource/resource.stub";

/** Defined in the kit because the alerts subgraph's saved searches name it too; re-exported here. */
import { SearchHitType } from "@agora-hub/subgraph-kit";
export { SearchHitType };

/** The record a hit points to: a key-only stub here, completed by the gateway from its owning subgraph. */
export const SearchNode = createUnionType({
  name: "SearchNode",
  description: "The record a search hit points to.",
  types: () => [Person, Organisation, Opportunity, Event, Resource] as const,
  resolveType: (value) => {
    if (value instanceof Person) return "Person";
    if (value instanceof Organisation) return "Organisation";
    if (value instanceof Opportunity) return "Opportunity";
    if (value instanceof Event) return "Event";
    if (value instanceof Resource) return "Resource";
    return undefined;
  },
});

@ObjectType({ description: "One search hit, in the merged list of every searched type (a Relay edge)." })
export class SearchHit {
  @Field({ description: "Pass as `after` to get the hits that follow this one." })
  cursor!: string;

  @Field(() => SearchHitType, { description: "What the hit is." })
  type!: SearchHitType;

  @Field(() => Float, {
    description:
      "Relevance from 0 to 1, comparable across types: the score of the hit in its own list divided by the best score of that list for the same query.",
  })
  score!: number;

  @Field(() => String, { nullable: true, description: "Where the query matched, with the matching words marked, when the owner provides one." })
  snippet!: string | null;

  @Field(() => SearchNode, { nullable: true, description: "The person, organisation, opportunity, event or resource; null when it cannot be resolved." })
  node!: typeof SearchNode;
}

@ObjectType({ description: "A page of search hits across people, organisations, opportunities, events and resources, best first." })
export class SearchResultConnection {
  @Field(() => [SearchHit])
  edges!: SearchHit[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many hits the search has in all: the sum over the searched types that answered." })
  totalCount!: number;

  @Field(() => Boolean, {
    description:
      "True when `totalCount` is an estimate: a searched type has so many hits that its owner estimated their number (its list's `totalCountApproximate`).",
  })
  totalCountApproximate!: boolean;
}
