import { type ChangeFeedOptions, changeText, directoryTerms } from "@agora-hub/subgraph-kit";
import type { Event } from "./event.entity";

/** How an event appears in the change feed: its format beside the directory terms (its venue's country); matched on what its search matches (title, description, venue). */
export const eventChangeFeed: ChangeFeedOptions<Event> = {
  document: (event) => ({
    terms: {
      ...directoryTerms({ disciplines: event.disciplines, countries: [event.venueCountry], languages: event.languages, network: event.network }),
      eventFormats: [event.format],
    },
    text: changeText([event.title, event.description, event.venueName, event.venueCity]),
    title: event.title.toData(),
    // Its description is no summary: it may run to pages.
    summary: null,
    deadline: null,
    path: `/events/${event.id}`,
  }),
};
