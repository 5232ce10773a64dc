import { describePersonDataContract } from "../../people/testing/person-data-contract";
import { opportunitiesSubgraph } from "../opportunities.subgraph";
import { clearErasedContact } from "../person-data/person-data.service";

describePersonDataContract({
  definition: opportunitiesSubgraph,
  onPersonErased: clearErasedContact,
  exportField: "opportunitiesAsContact",
  referencedPersonSql: "SELECT contact_id AS person_id FROM opportunity WHERE contact_id IS NOT NULL ORDER BY contact_id LIMIT 1",
  countReferencesSql: "SELECT 1 FROM opportunity WHERE contact_id = $1",
});
