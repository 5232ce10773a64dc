import { Arg, type ClassType, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import type { ChangeFeedOptions } from "../changes/record-change";
import type { SubgraphContext } from "../subgraph";
import type { ModeratedRecord } from "./moderated-record";
import { PublicationDecision } from "./publication-decision.entity";
import { changePublication, MAX_HISTORY_PAGE, MAX_REASON_LENGTH, publicationHistory } from "./publication.service";
import { PublicationAction } from "./publication-state";

/**
 * The publication API of one moderated type, the same for every type: `change<Type>Publication(id, action,
 * reason)` and `<Type>.publicationHistory`. List it among the subgraph's resolvers:
 * `resolvers: [EventResolver, createPublicationResolver(Event, "Event", { changeFeed: eventChangeFeed })]`; with
 * `changeFeed`, each change of publication also writes a PUBLICATION row to the change feed.
 */
export function createPublicationResolver<T extends ModeratedRecord>(
  entity: ClassType<T>,
  typeName: string,
  options: { changeFeed?: ChangeFeedOptions<T> } = {},
): ClassType {
  @Resolver(() => entity)
  class PublicationResolver {
    @FieldResolver(() => [PublicationDecision], {
      nullable: true,
      description: `Changes of this ${typeName.toLowerCase()}'s publication state, newest first: who decided what, when and why. For its network, moderators and the operator; null for others.`,
    })
    publicationHistory(
      @Root() record: T,
      @Ctx() context: SubgraphContext<unknown>,
      @Arg("first", () => Int, { defaultValue: 20, description: `How many, 0 to ${MAX_HISTORY_PAGE}.` }) first: number,
      @Arg("before", () => Date, {
        nullable: true,
        description: "Only decisions made before this instant (the `decidedAt` of the last one of the previous page).",
      })
      before: Date | null,
    ): Promise<PublicationDecision[] | null> {
      return publicationHistory(context.dataSource, context.viewer, typeName, record, { first, before });
    }

    @Mutation(() => entity, {
      name: `change${typeName}Publication`,
      nullable: true,
      description: `Changes a ${typeName.toLowerCase()}'s publication state: its network submits, withdraws, archives or restores it; moderators and the operator approve, reject (with a reason its network sees), archive or restore it. Every change is kept in \`publicationHistory\`.`,
    })
    changePublication(
      @Arg("id", () => ID) id: string,
      @Arg("action", () => PublicationAction) action: PublicationAction,
      @Arg("reason", () => String, { nullable: true, description: `Why (1 to ${MAX_REASON_LENGTH} characters); required to REJECT.` }) reason: string | null,
      @Ctx() context: SubgraphContext<unknown>,
    ): Promise<T> {
      return changePublication({
        entity,
        typeName,
        dataSource: context.dataSource,
        viewer: context.viewer,
        id,
        action,
        reason,
        changeFeed: options.changeFeed,
      });
    }
  }
  Object.defineProperty(PublicationResolver, "name", { value: `${typeName}PublicationResolver` });
  return PublicationResolver;
}
