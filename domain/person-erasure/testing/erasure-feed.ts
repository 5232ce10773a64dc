import { type ErasureFeedSource, PERSON_ERASURES_QUERY } from "../erasure-follower";
import type { TestSubgraph } from "@agora-hub/subgraph-kit/testing";

type FeedData = { personErasures: { edges: Array<{ node: { personId: string } }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };

/** The erasure feed of a test people subgraph, read as the operator (what `httpErasureFeed` does over HTTP). */
export function testErasureFeed<TLoaders>(people: TestSubgraph<TLoaders>, pageSize = 100): ErasureFeedSource {
  return async (after) => {
    const result = await people.execute<FeedData>(PERSON_ERASURES_QUERY, { after, first: pageSize });
    if (!result.data) throw new Error(result.errors?.[0]?.message ?? "no feed");
    const feed = result.data.personErasures;
    return { personIds: feed.edges.map((edge) => edge.node.personId), endCursor: feed.pageInfo.endCursor, hasNextPage: feed.pageInfo.hasNextPage };
  };
}
