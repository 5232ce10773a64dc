import { type ChangeFeedOptions, changeText, directoryTerms } from "@agora-hub/subgraph-kit";
import type { Opportunity } from "./opportunity.entity";

/**
 * How an opportunity appears in the change feed: its type and who may apply beside the directory terms (the
 * country where it takes place); matched on what its search matches (title, summary, description, city).
 */
export const opportunityChangeFeed: ChangeFeedOptions<Opportunity> = {
  document: (opportunity) => ({
    terms: {
      ...directoryTerms({
        disciplines: opportunity.disciplines,
        countries: [opportunity.country],
        languages: opportunity.workingLanguages,
        network: opportunity.network,
      }),
      opportunityTypes: [opportunity.type],
      // As the `eligibleFor` filter: no eligible countries means open worldwide, "*" matching any country asked for.
      eligibleFor: opportunity.eligibleCountries.length > 0 ? [...opportunity.eligibleCountries] : ["*"],
    },
    text: changeText([opportunity.title, opportunity.summary, opportunity.description, opportunity.city]),
    title: opportunity.title.toData(),
    summary: opportunity.summary?.toData() ?? null,
    deadline: opportunity.deadline?.toISOString() ?? null,
    path: `/opportunities/${opportunity.id}`,
  }),
};
