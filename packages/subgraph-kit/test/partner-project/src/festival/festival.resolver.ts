// Root fields are nullable, as the hub requires: one failing field must not null the whole answer.
import { ConnectionType, PageArgs, paginate, requireUuid, requireWriter, type SubgraphContext, toLocalizedText, Violations } from "@agora-hub/subgraph-kit";
import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { FestivalLoaders } from "./festival.loaders";
import { Festival } from "./festival.entity";
import { FestivalInput } from "./festival.inputs";

type FestivalsContext = SubgraphContext<FestivalLoaders>;

@ObjectType("FestivalsFestivalConnection", { description: "A page of festivals." })
export class FestivalConnection extends ConnectionType(Festival, "FestivalsFestival") {}

@ObjectType("FestivalsViewer", { description: "Who the hub says is asking: what the kit read from the hub's verified token." })
export class FestivalsViewer {
  @Field({ description: "anonymous, network or operator." })
  role!: string;

  @Field(() => String, { nullable: true, description: "The network's slug, for a network's API key." })
  network!: string | null;
}

@Resolver(() => Festival)
export class FestivalResolver {
  @Query(() => Festival, { nullable: true, description: "A festival by id." })
  festivalsFestival(@Arg("id", () => ID) id: string, @Ctx() context: FestivalsContext): Promise<Festival | null> {
    return context.loaders.festival.load(requireUuid(id));
  }

  @Query(() => FestivalConnection, { nullable: true, description: "Festivals, newest first." })
  async festivalsFestivals(@Args() page: PageArgs, @Ctx() context: FestivalsContext): Promise<FestivalConnection> {
    const query = context.dataSource.getRepository(Festival).createQueryBuilder("festival");
    const result = await paginate(query, page, { column: "festival.created_at", direction: "DESC", valueType: "timestamp", valueOf: (row) => row.createdAt });
    return new FestivalConnection(result);
  }

  @Query(() => FestivalsViewer, { nullable: true, description: "Who is asking, as the hub's token says." })
  festivalsViewer(@Ctx() { viewer }: FestivalsContext): FestivalsViewer {
    return { role: viewer.kind, network: viewer.kind === "network" ? viewer.network : null };
  }

  @Mutation(() => Festival, { nullable: true, description: "Lists a festival. Only the festivals network (or the hub's operator) may." })
  async festivalsCreateFestival(@Arg("input", () => FestivalInput) input: FestivalInput, @Ctx() context: FestivalsContext): Promise<Festival> {
    // context.viewer comes from the hub's token, verified by the kit: anonymous clients and other networks are refused here.
    requireWriter(context, "festivals");
    const violations = new Violations();
    const name = toLocalizedText(input.name, "input.name", violations);
    violations.throwIfAny();
    return context.dataSource.getRepository(Festival).save({ name, country: input.country });
  }
}
