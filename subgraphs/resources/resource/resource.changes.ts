import { type ChangeFeedOptions, changeText, directoryTerms } from "@agora-hub/subgraph-kit";
import type { Resource } from "./resource.entity";

/** How a resource appears in the change feed: its kind beside the directory terms (the countries it is about); matched on what its search matches (title, summary, body). */
export const resourceChangeFeed: ChangeFeedOptions<Resource> = {
  document: (resource) => ({
    terms: {
      ...directoryTerms({ disciplines: resource.disciplines, countries: resource.countries, languages: resource.languages, network: resource.network }),
      resourceKinds: [resource.kind],
    },
    text: changeText([resource.title, resource.summary, resource.body]),
    title: resource.title.toData(),
    summary: resource.summary?.toData() ?? null,
    deadline: null,
    path: `/resources/${resource.id}`,
  }),
};
