import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";

/** What a client selects of a list's connection that changes how the list is read. */
export interface ListSelection {
  /** `totalCount` or `totalCountApproximate`: the list is counted, so its page and count are read in one statement. */
  counted: boolean;
}

/** Whether `selections` (fragments followed) select one of `names`; `@skip`/`@include` are not evaluated (a count too many costs only time). */
function selectsAny(selections: SelectionSetNode | undefined, names: ReadonlySet<string>, info: GraphQLResolveInfo, seen: Set<string>): boolean {
  for (const selection of selections?.selections ?? []) {
    if (selection.kind === "Field" && names.has(selection.name.value)) return true;
    if (selection.kind === "InlineFragment" && selectsAny(selection.selectionSet, names, info, seen)) return true;
    if (selection.kind === "FragmentSpread" && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      if (selectsAny(info.fragments[selection.name.value]?.selectionSet, names, info, seen)) return true;
    }
  }
  return false;
}

const COUNT_FIELDS: ReadonlySet<string> = new Set(["totalCount", "totalCountApproximate"]);

/** What the client selects of the connection a list resolver is resolving (`paginateSearchable`'s `selection`). */
export function listSelection(info: GraphQLResolveInfo): ListSelection {
  const seen = new Set<string>();
  return { counted: info.fieldNodes.some((node) => selectsAny(node.selectionSet, COUNT_FIELDS, info, seen)) };
}
