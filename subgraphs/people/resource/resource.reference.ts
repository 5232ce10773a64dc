import { isUuid } from "@agora-hub/runtime";
import { Resource } from "./resource.stub";

/** Resolves `Resource` representations without a query: the author ids arrive in the representation (`@requires`). */
export function resolveResourceReference(reference: { id: string; authorIds?: unknown }): Resource | null {
  if (!isUuid(reference.id)) return null;
  return Object.assign(new Resource(), { id: reference.id, authorIds: Array.isArray(reference.authorIds) ? reference.authorIds : [] });
}
