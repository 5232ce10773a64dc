import { describePersonDataContract } from "../../people/testing/person-data-contract";
import { eventsSubgraph } from "../events.subgraph";
import { eraseSpeakerLinks } from "../person-data/person-data.service";

describePersonDataContract({
  definition: eventsSubgraph,
  onPersonErased: eraseSpeakerLinks,
  exportField: "speakerAt",
  referencedPersonSql: "SELECT person_id FROM event_speaker ORDER BY person_id LIMIT 1",
  countReferencesSql: "SELECT 1 FROM event_speaker WHERE person_id = $1",
});
