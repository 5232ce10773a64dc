import { describePersonDataContract } from "../../people/testing/person-data-contract";
import { organisationsSubgraph } from "../organisations.subgraph";
import { erasePersonMemberships } from "../person-data/person-data.service";

describePersonDataContract({
  definition: organisationsSubgraph,
  onPersonErased: erasePersonMemberships,
  exportField: "memberships",
  referencedPersonSql: "SELECT person_id FROM membership WHERE person_id IS NOT NULL ORDER BY person_id LIMIT 1",
  countReferencesSql: "SELECT 1 FROM membership WHERE person_id = $1",
});
