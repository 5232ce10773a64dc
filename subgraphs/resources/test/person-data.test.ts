import { describePersonDataContract } from "../../people/testing/person-data-contract";
import { resourcesSubgraph } from "../resources.subgraph";
import { eraseAuthorLinks } from "../person-data/person-data.service";

describePersonDataContract({
  definition: resourcesSubgraph,
  onPersonErased: eraseAuthorLinks,
  exportField: "authorOf",
  referencedPersonSql: "SELECT person_id FROM resource_author ORDER BY person_id LIMIT 1",
  countReferencesSql: "SELECT 1 FROM resource_author WHERE person_id = $1",
});
