import { type ChangeFeedOptions, changeNameTitle, changeText, directoryTerms } from "@agora-hub/subgraph-kit";
import type { Organisation } from "./organisation.entity";

/** How an organisation appears in the change feed: its kind beside the directory terms; matched on what its search matches (name, description, city). */
export const organisationChangeFeed: ChangeFeedOptions<Organisation> = {
  document: (organisation) => ({
    terms: {
      ...directoryTerms({
        disciplines: organisation.disciplines,
        countries: [organisation.country],
        languages: organisation.workingLanguages,
        network: organisation.network,
      }),
      organisationKinds: [organisation.kind],
    },
    text: changeText([organisation.name, organisation.description, organisation.city]),
    title: changeNameTitle(organisation.name, organisation.workingLanguages[0]),
    // Its description is no summary: it may run to pages.
    summary: null,
    deadline: null,
    path: `/organisations/${organisation.id}`,
  }),
};
