import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import { Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { SearchArgs } from "./search.args";
import { search, type SearchContext } from "./search.service";
import { SearchResultConnection } from "./search.type";

/** The `search` resolver; the searched subgraphs are the subgraph's peers (`context.peers`). */
@Resolver(() => SearchResultConnection)
export class SearchResolver {
  @Query(() => SearchResultConnection, {
    nullable: true,
    description:
      "Searches people, organisations, opportunities, events and resources at once: the hits of every type merged best first, each with its type, a comparable score, a snippet and the record itself.",
  })
  search(@Args() args: SearchArgs, @Ctx() context: SearchContext, @Info() info: GraphQLResolveInfo): Promise<SearchResultConnection> {
    // Counting costs each owner a query: only when the client asks for the total (or whether it is estimated).
    const selection = info.fieldNodes[0].selectionSet;
    return search(context, args, { withTotal: selects(info, selection, "totalCount") || selects(info, selection, "totalCountApproximate") });
  }
}

/** True when a selection set (through fragments) selects the field `name`. */
function selects(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined, name: string): boolean {
  return (selectionSet?.selections ?? []).some((selection) => {
    if (selection.kind === Kind.FIELD) return (selection as FieldNode).name.value === name;
    if (selection.kind === Kind.INLINE_FRAGMENT) return selects(info, selection.selectionSet, name);
    return selects(info, info.fragments[selection.name.value]?.selectionSet, name);
  });
}
