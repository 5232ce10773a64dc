/**
 * The layers of the repository, checked by `npm run lint` (part of `npm test`). From the top:
 *   scripts/  →  gateway/  →  registry/  →  @agora-hub/runtime
 *   scripts/  →  subgraphs/  →  domain/  →  @agora-hub/subgraph-kit  →  @agora-hub/runtime
 * Nothing imports upward or sideways between subgraphs; a partner's subgraph uses only the kit; there
 * are no cycles. Tests may reach upward (an end-to-end test starts the whole hub) but not into cycles.
 */
const TESTS = "(^|/)test/|\\.test\\.ts$";

/** A rule forbidding `from` (non-test code) to import anything in `to`. */
function layer(name, comment, from, to) {
  return { name, comment, severity: "error", from: { path: from, pathNot: TESTS }, to: { path: to } };
}

module.exports = {
  forbidden: [
    { name: "no-cycles", comment: "Import cycles make modules half-initialised and layers meaningless.", severity: "error", from: {}, to: { circular: true } },
    layer(
      "runtime-is-the-bottom",
      "The runtime serves every process and imports none of the hub.",
      "^packages/runtime/",
      "^(packages/subgraph-kit|domain|subgraphs|registry|gateway|scripts|schema|testing)/",
    ),
    layer(
      "kit-sees-only-the-runtime",
      "The kit is what partners install: it cannot know the hub's domain, subgraphs, gateway or files.",
      "^packages/subgraph-kit/",
      "^(domain|subgraphs|registry|gateway|scripts|schema|testing)/",
    ),
    layer(
      "domain-below-subgraphs",
      "Hub domain code is shared by the core subgraphs and knows none of them.",
      "^domain/",
      "^(subgraphs|registry|gateway|scripts)/",
    ),
    layer(
      "directory-on-the-public-api",
      "The web directory reads the graph as any partner directory would, through GraphQL: it imports no subgraph, registry, gateway or domain code.",
      "^directory/",
      "^(subgraphs|registry|gateway|domain|scripts)/",
    ),
    layer(
      "subgraphs-below-the-gateway",
      "A subgraph is reached only through HTTP, never imported by the gateway side or importing it.",
      "^subgraphs/",
      "^(registry|gateway|scripts)/",
    ),
    {
      name: "subgraphs-stand-alone",
      comment: "Each subgraph is one deployable: it imports no other subgraph's code.",
      severity: "error",
      from: { path: "^subgraphs/([^/]+)/", pathNot: `${TESTS}|^subgraphs/partners/` },
      to: { path: "^subgraphs/([^/]+)/", pathNot: "^subgraphs/$1/" },
    },
    {
      name: "partners-use-only-the-kit",
      comment: "The example partner builds on the published kit exactly as an outside partner would.",
      severity: "error",
      from: { path: "^subgraphs/partners/([^/]+)/" },
      to: { path: "^(domain|registry|gateway|scripts|schema|testing|packages/runtime)/|^subgraphs/(?!partners/)", pathNot: "^subgraphs/partners/$1/" },
    },
    layer(
      "gateway-knows-no-subgraph",
      "The gateway routes, composes, guards and observes: it depends on no subgraph, kit or domain code.",
      "^gateway/",
      "^(subgraphs|domain|packages/subgraph-kit|scripts)/",
    ),
    layer(
      "registry-below-the-gateway",
      "The registry is a product the gateway uses, not the other way round.",
      "^registry/",
      "^(gateway|subgraphs|domain|packages/subgraph-kit|scripts)/",
    ),
    layer("nothing-imports-scripts", "Scripts are entry points.", "^(?!scripts/)", "^scripts/"),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules|\\.data)/" },
    tsConfig: { fileName: "tsconfig.depcruise.json" },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
  },
};
