import { Person } from "./person.stub";

/** The key-only person for an id; the gateway fetches its other fields from the people subgraph. */
export function resolvePersonReference(reference: { id: string } & Partial<Person>): Person {
  // The fields `suggestedOpportunities` requires come with the representation when that field is asked for.
  const { id, disciplines, country, careerStage } = reference;
  return Object.assign(new Person(), { id, disciplines, country, careerStage });
}
