import { describePersonDataContract } from "../../kit/testing/person-data-contract";
import { opportunitiesSubgraph } from "../opportunities.subgraph";

describePersonDataContract({
  definition: opportunitiesSubgraph,
  exportField: "opportunitiesAsContact",
  referencedPersonSql: "SELECT contact_id AS person_id FROM opportunity WHERE contact_id IS NOT NULL ORDER BY contact_id LIMIT 1",
  countReferencesSql: "SELECT 1 FROM opportunity WHERE contact_id = $1",
});
