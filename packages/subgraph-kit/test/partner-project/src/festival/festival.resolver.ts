import { ConnectionType, PageArgs, paginate, requireUuid, type SubgraphContext } from "@agora-hub/subgraph-kit";
import { Arg, Args, Ctx, ID, ObjectType, Query, Resolver } from "type-graphql";
import type { FestivalLoaders } from "./festival.loaders";
import { Festival } from "./festival.entity";

@ObjectType({ description: "A page of festivals." })
export class FestivalConnection extends ConnectionType(Festival, "Festival") {}

@Resolver(() => Festival)
export class FestivalResolver {
  @Query(() => Festival, { nullable: true, description: "A festival by id." })
  festival(@Arg("id", () => ID) id: string, @Ctx() context: SubgraphContext<FestivalLoaders>): Promise<Festival | null> {
    return context.loaders.festival.load(requireUuid(id));
  }

  @Query(() => FestivalConnection, { description: "Festivals, newest first." })
  async festivals(@Args() page: PageArgs, @Ctx() context: SubgraphContext<FestivalLoaders>): Promise<FestivalConnection> {
    const query = context.dataSource.getRepository(Festival).createQueryBuilder("festival");
    const result = await paginate(query, page, { column: "festival.created_at", direction: "DESC", valueType: "timestamp", valueOf: (row) => row.createdAt });
    return new FestivalConnection(result);
  }
}
