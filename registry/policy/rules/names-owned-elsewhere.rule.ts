import { type DocumentNode, parse } from "graphql";
import { claimedNames } from "../core-model";
import type { PolicyProblem, PolicyRule } from "../policy-subject";
import { readSubgraph } from "../subgraph-model";

/**
 * OWNED_BY_ANOTHER_NETWORK: a type, root field or core entity field another network's active subgraph
 * already publishes, even when it lies under this network's prefix.
 */
export const namesOwnedElsewhereRule: PolicyRule = {
  name: "names-owned-elsewhere",
  check({ model, core, otherPartners, typePrefix, fieldPrefix }) {
    const claimedByOthers = new Map<string, { network: string; name: string }>();
    for (const other of otherPartners) {
      let otherDocument: DocumentNode;
      try {
        otherDocument = parse(other.sdl, { noLocation: true });
      } catch {
        continue; // an active subgraph always parsed once; a broken stored copy must not block everyone else
      }
      for (const key of claimedNames(readSubgraph(otherDocument), core).keys()) claimedByOthers.set(key, { network: other.network, name: other.name });
    }
    const problems: PolicyProblem[] = [];
    for (const [key, coordinate] of claimedNames(model, core)) {
      const owner = claimedByOthers.get(key);
      if (!owner) continue;
      problems.push({
        code: "OWNED_BY_ANOTHER_NETWORK",
        coordinate,
        message: `${coordinate} is already published by network "${owner.network}" (subgraph "${owner.name}"); choose another name under ${typePrefix}/${fieldPrefix}.`,
      });
    }
    return problems;
  },
};
