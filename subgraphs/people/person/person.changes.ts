import { type ChangeFeedOptions, changeNameTitle, changeText, directoryTerms } from "@agora-hub/subgraph-kit";
import type { Person } from "./person.entity";

/** How a person appears in the change feed: listed only when discoverable; matched on what their search matches (name, headline, bio, skills, city). */
export const personChangeFeed: ChangeFeedOptions<Person> = {
  listed: (person) => person.discoverable,
  document: (person) => ({
    terms: directoryTerms({ disciplines: person.disciplines, countries: [person.country], languages: person.spokenLanguages, network: person.network }),
    text: changeText([person.displayName, person.headline, person.bio, ...person.skills, person.city]),
    title: changeNameTitle(person.displayName, person.spokenLanguages[0]),
    summary: person.headline?.toData() ?? null,
    deadline: null,
    path: `/people/${person.id}`,
  }),
};
