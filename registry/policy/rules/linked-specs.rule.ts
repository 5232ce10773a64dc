import type { PolicyProblem, PolicyRule } from "../policy-subject";
import { argumentValue, FEDERATION_SPEC_URL, stringArgument } from "../subgraph-model";

const LINK_SPEC_URL = /^https:\/\/specs\.apollo\.dev\/link\/v1\.\d+$/;

/**
 * LINK_NOT_ALLOWED and FEDERATION_LINK_MISSING: a partner SDL links Federation 2 and nothing else but
 * the plain link spec, so no spec of its own reaches the hub's composition.
 */
export const linkedSpecsRule: PolicyRule = {
  name: "linked-specs",
  check({ model }) {
    const problems: PolicyProblem[] = [];
    let federationLinked = false;
    for (const link of model.links) {
      const url = stringArgument(link, "url") ?? "";
      if (FEDERATION_SPEC_URL.test(url)) {
        federationLinked = true;
      } else if (!LINK_SPEC_URL.test(url) || argumentValue(link, "as") || argumentValue(link, "import")) {
        problems.push({
          code: "LINK_NOT_ALLOWED",
          coordinate: "schema",
          message: `@link(url: ${JSON.stringify(url)}) is not allowed; partner subgraphs may only link https://specs.apollo.dev/federation/v2.x (and the plain link spec).`,
        });
      }
    }
    if (!federationLinked) {
      problems.push({
        code: "FEDERATION_LINK_MISSING",
        coordinate: "schema",
        message: 'The SDL does not link Federation 2; start it with extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]).',
      });
    }
    return problems;
  },
};
