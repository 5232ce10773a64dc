import { Person } from "../person/person.stub";
import type { Resource } from "./resource.entity";
import type { ResourcesContext } from "./resource.service";

/** Resolves `Resource` representations sent by the gateway; all of one request share one query. */
export async function resolveResourceReference(reference: { id: string; authors?: unknown }, context: ResourcesContext): Promise<Resource | null> {
  const resource = await context.loaders.resourceById.load(reference.id);
  if (!resource || !Array.isArray(reference.authors)) return resource;
  // The authors `jsonLd` requires, as the people subgraph resolved them; a copy, as loaders share instances.
  const authors = reference.authors.filter((author): author is { id: string } => typeof (author as { id?: unknown } | null)?.id === "string");
  return Object.assign(Object.create(Object.getPrototypeOf(resource) as object) as Resource, resource, { authors: authors.map(({ id }) => Person.of({ id })) });
}
