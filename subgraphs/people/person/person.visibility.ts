import type { SelectQueryBuilder } from "typeorm";
import type { Viewer } from "@agora-hub/subgraph-kit";
import type { Person } from "./person.entity";

/**
 * Who may see a person: everyone when the person agreed to be listed (`discoverable`), the person's own
 * network always, the operator always. Applied to lookups, lists and `_entities` alike.
 */
export function canSeePerson(viewer: Viewer, person: Pick<Person, "discoverable" | "network">): boolean {
  if (viewer.kind === "operator") return true;
  if (viewer.kind === "network" && viewer.network === person.network) return true;
  return person.discoverable;
}

/** Who may read a person's contact data: the person's own network and the operator. */
export function canSeeContact(viewer: Viewer, person: Pick<Person, "network">): boolean {
  return viewer.kind === "operator" || (viewer.kind === "network" && viewer.network === person.network);
}

/** Restricts a query on `person` to the people `viewer` may see. */
export function applyPersonVisibility(query: SelectQueryBuilder<Person>, viewer: Viewer): SelectQueryBuilder<Person> {
  if (viewer.kind === "operator") return query;
  if (viewer.kind === "network") return query.andWhere("(person.discoverable OR person.network = :viewerNetwork)", { viewerNetwork: viewer.network });
  return query.andWhere("person.discoverable");
}
