import "reflect-metadata";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { composeSupergraph, readCommitted, ROUTING_TABLE_PATH, subgraphSdlPath, SUPERGRAPH_PATH } from "../../registry/composition/composition";
import { coreNullabilityProblems, printCoreSubgraphs, printSharedTypesFile, SHARED_TYPES_PATH } from "./print-core-subgraphs";

/**
 * `npm run schema:compose` writes each core subgraph's SDL, their routing table and the composed supergraph
 * under schema/, after checking the graph's nullability rule on each, and the shared types' SDL;
 * with `--check` (npm run schema:check) it writes nothing and fails when the committed files differ.
 */
async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const subgraphs = await printCoreSubgraphs();
  const broken = coreNullabilityProblems(subgraphs);
  for (const problem of broken) console.error(`${problem.subgraph}: ${problem.coordinate}: ${problem.message} [${problem.code}]`);
  if (broken.length > 0) {
    console.error("The core subgraphs break the graph's nullability rule (schema/rules/nullability.ts).");
    process.exit(1);
  }
  const files = [
    ...subgraphs.map((subgraph) => ({ file: subgraphSdlPath(subgraph.name), content: subgraph.sdl })),
    {
      file: ROUTING_TABLE_PATH,
      content: `${JSON.stringify(
        subgraphs.map(({ name, url, peers }) => ({ name, url, peers })),
        null,
        2,
      )}\n`,
    },
    { file: SUPERGRAPH_PATH, content: composeSupergraph(subgraphs) },
    { file: SHARED_TYPES_PATH, content: await printSharedTypesFile() },
  ];
  const stale = files.filter(({ file, content }) => readCommitted(file) !== content);
  if (check) {
    for (const { file } of stale) console.error(`out of date: ${path.relative(process.cwd(), file)}`);
    if (stale.length > 0) {
      console.error("The committed schema differs from the code: run `npm run schema:compose` and commit the result.");
      process.exit(1);
    }
    console.log(`schema is up to date (${files.length} files)`);
    return;
  }
  for (const { file, content } of stale) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  if (stale.length === 0) console.log("schema already up to date");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
