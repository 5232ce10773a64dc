import { describePersonDataContract } from "../../kit/testing/person-data-contract";
import { eventsSubgraph } from "../events.subgraph";

describePersonDataContract({
  definition: eventsSubgraph,
  exportField: "speakerAt",
  referencedPersonSql: "SELECT person_id FROM event_speaker ORDER BY person_id LIMIT 1",
  countReferencesSql: "SELECT 1 FROM event_speaker WHERE person_id = $1",
});
