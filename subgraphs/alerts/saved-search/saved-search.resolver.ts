import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { IsOptional, Matches, Max, Min } from "class-validator";
import { ConnectionType, LocalizedText, PageArgs } from "@agora-hub/subgraph-kit";
import { NETWORK_SLUG_PATTERN } from "@agora-hub/runtime";
import { AlertEvent } from "../delivery/alert-event.entity";
import { criteriaOf, SavedSearch } from "./saved-search.entity";
import type { AlertsContext } from "./saved-search.loaders";
import { CreateSavedSearchInput, SubscribeToAlertsInput } from "./saved-search.inputs";
import {
  alertLinks,
  confirmSubscription,
  createSavedSearch,
  deleteSavedSearch,
  feedEntries,
  listDeliveries,
  listSavedSearches,
  managedSearch,
  searchOfFeed,
  setSavedSearchPaused,
  subscribeToAlerts,
  unsubscribe,
} from "./saved-search.service";
import { AlertDeliveryStatus, SavedSearchCriteria } from "./saved-search.type";

/** Most entries a feed holds. */
export const MAX_FEED_ENTRIES = 100;

@ObjectType({ description: "A page of saved searches, newest first." })
export class SavedSearchConnection extends ConnectionType(SavedSearch, "SavedSearch") {}

@ObjectType({ description: "A page of a saved search's alerts, newest first." })
export class AlertEventConnection extends ConnectionType(AlertEvent, "AlertEvent") {}

@ObjectType({ description: "A saved search just created, with what is shown only now." })
export class CreatedSavedSearch {
  @Field(() => SavedSearch)
  savedSearch!: SavedSearch;

  @Field(() => String, {
    nullable: true,
    description: "WEBHOOK only: the Standard Webhooks secret (`whsec_…`) to verify `webhook-signature` with. Shown once; keep it.",
  })
  webhookSecret!: string | null;

  @Field({ description: "The saved search's Atom feed, at an unguessable URL. Shown once; keep it." })
  feedUrl!: string;
}

@ObjectType({ description: "A confirmed e-mail subscription." })
export class ConfirmedSubscription {
  @Field()
  name!: string;

  @Field({ description: "Its Atom feed." })
  feedUrl!: string;

  @Field({ description: "The link that ends it." })
  unsubscribeUrl!: string;
}

@ObjectType({ description: "A saved search's Atom feed: its newest alerts." })
export class SavedSearchFeed {
  @Field()
  name!: string;

  @Field({ description: "When the newest entry was made (or the saved search, without any)." })
  updatedAt!: Date;

  @Field(() => [AlertEvent], { description: `The newest alerts, at most ${MAX_FEED_ENTRIES}.` })
  entries!: AlertEvent[];
}

@ArgsType()
class SavedSearchesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Only this network's (the operator); a network's key always lists its own." })
  @IsOptional()
  @Matches(NETWORK_SLUG_PATTERN, { message: "must be a network slug of lower-case letters, digits and hyphens" })
  network?: string | null;
}

@ArgsType()
class DeliveriesArgs extends PageArgs {
  @Field(() => AlertDeliveryStatus, { nullable: true, description: "Only alerts in this delivery status." })
  @IsOptional()
  status?: AlertDeliveryStatus | null;
}

@ArgsType()
class FeedArgs {
  @Field({ description: "The token of the feed's URL." })
  token!: string;

  @Field(() => Int, { defaultValue: 50, description: `How many entries (1 to ${MAX_FEED_ENTRIES}).` })
  @Min(1, { message: "must be at least 1" })
  @Max(MAX_FEED_ENTRIES, { message: `must be at most ${MAX_FEED_ENTRIES}` })
  first!: number;
}

@Resolver(() => SavedSearch)
export class SavedSearchResolver {
  @Query(() => SavedSearchConnection, {
    nullable: true,
    description: "Saved searches, newest first: a network's key lists its own, the operator every network's.",
  })
  async savedSearches(@Args() args: SavedSearchesArgs, @Ctx() context: AlertsContext): Promise<SavedSearchConnection> {
    return new SavedSearchConnection(await listSavedSearches(context, args.network, args));
  }

  @Query(() => SavedSearch, { nullable: true, description: "One saved search, for its network and the operator." })
  savedSearch(@Arg("id", () => ID) id: string, @Ctx() context: AlertsContext): Promise<SavedSearch> {
    return managedSearch(context, id);
  }

  @Query(() => SavedSearchFeed, {
    nullable: true,
    description: "The entries of a saved search's Atom feed, by its URL's token (served as Atom at /alerts/feeds/<token>.atom); null for an unknown token.",
  })
  async savedSearchFeed(@Args() args: FeedArgs, @Ctx() context: AlertsContext): Promise<SavedSearchFeed | null> {
    const search = await searchOfFeed(context, args.token);
    if (!search) return null;
    const entries = await feedEntries(context, search, args.first);
    return Object.assign(new SavedSearchFeed(), { name: search.name, updatedAt: entries[0]?.createdAt ?? search.createdAt, entries });
  }

  @Mutation(() => CreatedSavedSearch, {
    nullable: true,
    description:
      "Saves a search for a network or one of its members (the network's key, or the operator): alerts by webhook, e-mail (after the address confirms) or only the feed.",
  })
  async createSavedSearch(
    @Arg("input", () => CreateSavedSearchInput) input: CreateSavedSearchInput,
    @Ctx() context: AlertsContext,
  ): Promise<CreatedSavedSearch> {
    return Object.assign(new CreatedSavedSearch(), await createSavedSearch(context, input));
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      "A person's own e-mail alert, no account needed: sends a confirmation link to the address, and nothing else until it is followed. Always true once accepted, whatever the address.",
  })
  subscribeToAlerts(@Arg("input", () => SubscribeToAlertsInput) input: SubscribeToAlertsInput, @Ctx() context: AlertsContext): Promise<boolean> {
    return subscribeToAlerts(context, input);
  }

  @Mutation(() => ConfirmedSubscription, { nullable: true, description: "Confirms an e-mail subscription by the token of its confirmation link." })
  async confirmAlertSubscription(@Arg("token") token: string, @Ctx() context: AlertsContext): Promise<ConfirmedSubscription> {
    const search = await confirmSubscription(context, token);
    const links = alertLinks(context.hubUrl, search);
    return Object.assign(new ConfirmedSubscription(), { name: search.name, feedUrl: links.feedUrl, unsubscribeUrl: links.unsubscribeUrl });
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      "Ends a subscription by the token of its unsubscribe link: the saved search, its address and its alerts are deleted. False when it was gone already.",
  })
  unsubscribeAlerts(@Arg("token") token: string, @Ctx() context: AlertsContext): Promise<boolean> {
    return unsubscribe(context, token);
  }

  @Mutation(() => SavedSearch, { nullable: true, description: "Pauses a saved search: nothing is matched or sent until it is resumed." })
  pauseSavedSearch(@Arg("id", () => ID) id: string, @Ctx() context: AlertsContext): Promise<SavedSearch> {
    return setSavedSearchPaused(context, id, true);
  }

  @Mutation(() => SavedSearch, { nullable: true, description: "Resumes a paused saved search: changes from now on are matched again." })
  resumeSavedSearch(@Arg("id", () => ID) id: string, @Ctx() context: AlertsContext): Promise<SavedSearch> {
    return setSavedSearchPaused(context, id, false);
  }

  @Mutation(() => ID, { nullable: true, description: "Deletes a saved search with its alerts; returns its id." })
  deleteSavedSearch(@Arg("id", () => ID) id: string, @Ctx() context: AlertsContext): Promise<string> {
    return deleteSavedSearch(context, id);
  }

  @FieldResolver(() => SavedSearchCriteria)
  criteria(@Root() search: SavedSearch): SavedSearchCriteria {
    return criteriaOf(search);
  }

  @FieldResolver(() => AlertEventConnection, { description: "Its alerts and how each delivery went, newest first: the delivery log." })
  async deliveries(@Root() search: SavedSearch, @Args() args: DeliveriesArgs, @Ctx() context: AlertsContext): Promise<AlertEventConnection> {
    return new AlertEventConnection(await listDeliveries(context, search, args.status, args));
  }
}

@Resolver(() => AlertEvent)
export class AlertEventResolver {
  @FieldResolver(() => LocalizedText, { description: "The record's title, as it was then." })
  title(@Root() event: AlertEvent): LocalizedText {
    return LocalizedText.from(event.title);
  }

  @FieldResolver(() => LocalizedText, { nullable: true, description: "The record's summary, as it was then." })
  summary(@Root() event: AlertEvent): LocalizedText | null {
    return event.summary ? LocalizedText.from(event.summary) : null;
  }

  @FieldResolver(() => String, { description: "The record's page on the hub." })
  url(@Root() event: AlertEvent, @Ctx() context: AlertsContext): string {
    return `${context.hubUrl}${event.path}`;
  }
}
