#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { readFileSync } from "node:fs";
import { hubPublicUrl } from "@agora-hub/runtime";

/** Exit codes: the candidate would publish (0), would not or the hub refused (1), bad usage (2). */
const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

interface Problem {
  kind: string;
  code: string;
  coordinate: string;
  message: string;
}

class UsageError extends Error {}

/** Where the CLI writes, and the exit code its commands settle on. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Calls the gateway's admin API with the caller's token. */
async function callAdmin(
  options: { gateway: string; token?: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  if (!options.token) throw new UsageError("a token is required: --token or AGORA_TOKEN (the operator's AGORA_ADMIN_TOKEN or a network API key)");
  let url: URL;
  try {
    url = new URL(`admin${path}`, options.gateway.endsWith("/") ? options.gateway : `${options.gateway}/`);
  } catch {
    throw new UsageError(`--gateway ${options.gateway} is not a URL`);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${options.token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    throw new Error(
      `cannot reach the gateway at ${url.origin} (${cause?.code ?? cause?.message ?? (error as Error).message}): is the hub running? Set --gateway or AGORA_GATEWAY_URL`,
      { cause: error },
    );
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // plain-text answers (the supergraph) stay text
  }
  return { status: response.status, body: parsed };
}

/** Reports an error answer; true when the answer was one. */
function reportError(io: CliIo, { status, body }: { status: number; body: unknown }): boolean {
  if (status < 400 || status === 422) return false;
  const message = typeof body === "object" && body && "error" in body ? String((body as { error: unknown }).error) : String(body);
  io.err(`error (HTTP ${status}): ${message}`);
  return true;
}

function readSchema(file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read --schema ${file}: ${(error as Error).message}`);
  }
}

function printProblems(io: CliIo, problems: Problem[]): void {
  for (const problem of problems) io.out(`${problem.coordinate}: ${problem.message} [${problem.kind}/${problem.code}]`);
}

/** The gateway the CLI talks to when neither --gateway nor AGORA_GATEWAY_URL says: the hub's public URL, as the hub derives it. */
function defaultGateway(env: NodeJS.ProcessEnv): string {
  try {
    return hubPublicUrl(env);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n(or give --gateway)`);
  }
}

/** Builds the `agora` command line; commands record their outcome in `state.exitCode`. */
function createProgram(io: CliIo, state: { exitCode: number }, env: NodeJS.ProcessEnv): Command {
  const fail = (answer: { status: number; body: unknown }) => {
    if (reportError(io, answer)) state.exitCode = EXIT.refused;
    return state.exitCode !== EXIT.ok;
  };
  const program = new Command("agora")
    .description("Plug a partner network's subgraph into Agora Hub")
    .addOption(
      new Option("--gateway <url>", "the hub's gateway (default: AGORA_PUBLIC_URL, else http://localhost:$GATEWAY_PORT, port 4000 unless set)").env(
        "AGORA_GATEWAY_URL",
      ),
    )
    .addOption(new Option("--token <token>", "operator token or network API key").env("AGORA_TOKEN"))
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) });
  const global = () => {
    const options = program.opts<{ gateway?: string; token?: string }>();
    return { gateway: options.gateway ?? defaultGateway(env), token: options.token };
  };

  const network = program.command("network").description("manage partner networks (operator)");
  network
    .command("add")
    .requiredOption("--slug <slug>", "lower-case slug, e.g. creative-tracks")
    .requiredOption("--name <name>", "display name")
    .option("--contact <contact>", "contact address")
    .option("--trusted", "publish its records without review (default: they wait for a moderator)")
    .action(async (options: { slug: string; name: string; contact?: string; trusted?: boolean }) => {
      const { trusted, ...network } = options;
      const answer = await callAdmin(global(), "POST", "/networks", { ...network, ...(trusted ? { trustLevel: "TRUSTED" } : {}) });
      if (fail(answer)) return;
      const body = answer.body as { network: { slug: string; trustLevel: string }; apiKey: string };
      io.out(`network ${body.network.slug} created (${body.network.trustLevel}); its API key (shown once):`);
      io.out(body.apiKey);
    });
  network
    .command("trust")
    .description("set how far the operator trusts a network's records")
    .requiredOption("--slug <slug>", "the network")
    .addOption(new Option("--level <level>", "TRUSTED: publish at once; UNTRUSTED: wait for review").choices(["TRUSTED", "UNTRUSTED"]).makeOptionMandatory())
    .action(async (options: { slug: string; level: string }) => {
      const answer = await callAdmin(global(), "PUT", `/networks/${encodeURIComponent(options.slug)}/trust`, { trustLevel: options.level });
      if (!fail(answer)) io.out(`network ${options.slug} is ${options.level}`);
    });

  const moderator = program.command("moderator").description("grant and withdraw the moderator role (operator)");
  moderator
    .command("add")
    .requiredOption("--handle <handle>", "lower-case handle, kept in the audit trail of their decisions")
    .requiredOption("--name <name>", "the moderator's name")
    .action(async (options: { handle: string; name: string }) => {
      const answer = await callAdmin(global(), "POST", "/moderators", options);
      if (fail(answer)) return;
      io.out(`moderator ${options.handle} added; their API key (shown once):`);
      io.out((answer.body as { apiKey: string }).apiKey);
    });
  moderator
    .command("remove")
    .requiredOption("--handle <handle>", "the moderator")
    .action(async (options: { handle: string }) => {
      const answer = await callAdmin(global(), "DELETE", `/moderators/${encodeURIComponent(options.handle)}`);
      if (!fail(answer)) io.out(`moderator ${options.handle} removed; their keys are revoked`);
    });

  const key = program.command("key").description("manage a network's API keys");
  key
    .command("create")
    .requiredOption("--network <slug>", "the network")
    .action(async (options: { network: string }) => {
      const answer = await callAdmin(global(), "POST", `/networks/${encodeURIComponent(options.network)}/keys`);
      if (!fail(answer)) io.out((answer.body as { apiKey: string }).apiKey);
    });
  key
    .command("revoke")
    .requiredOption("--key-id <id>", "the key's id (the part after agora_)")
    .action(async (options: { keyId: string }) => {
      const answer = await callAdmin(global(), "DELETE", `/keys/${encodeURIComponent(options.keyId)}`);
      if (!fail(answer)) io.out(`revoked ${options.keyId}`);
    });

  const subgraph = program.command("subgraph").description("check, publish and remove partner subgraphs");
  const candidateCommand = (name: string, description: string, path: string) =>
    subgraph
      .command(name)
      .description(description)
      .requiredOption("--name <name>", "subgraph name")
      .requiredOption("--url <url>", "routing URL the gateway will call")
      .option("--schema <file>", "SDL file; fetched from the subgraph's _service { sdl } when omitted")
      .option("--network <slug>", "owning network (operator only)")
      .action(async (options: { name: string; url: string; schema?: string; network?: string }) => {
        const answer = await callAdmin(global(), "POST", path, {
          name: options.name,
          url: options.url,
          sdl: readSchema(options.schema),
          network: options.network,
        });
        if (fail(answer)) return;
        const body = answer.body as { ok: boolean; problems: Problem[]; version?: number };
        printProblems(io, body.problems);
        if (body.ok)
          io.out(name === "publish" ? `published ${options.name} (version ${body.version}); the gateway now serves it` : `${options.name} can be published`);
        else state.exitCode = EXIT.refused;
      });
  candidateCommand("check", "compose a candidate with the live graph and report every problem; changes nothing", "/subgraphs/check");
  candidateCommand("publish", "check, then register the subgraph and serve it", "/subgraphs/publish");
  subgraph.command("list").action(async () => {
    const answer = await callAdmin(global(), "GET", "/subgraphs");
    if (fail(answer)) return;
    for (const row of (answer.body as { subgraphs: Array<Record<string, unknown>> }).subgraphs) {
      io.out(`${row.name}\t${row.network}\t${row.status}\tv${row.version}\t${row.url}`);
    }
  });
  subgraph
    .command("remove")
    .requiredOption("--name <name>", "subgraph name")
    .action(async (options: { name: string }) => {
      const answer = await callAdmin(global(), "DELETE", `/subgraphs/${encodeURIComponent(options.name)}`);
      if (!fail(answer)) io.out(`removed ${options.name}`);
    });
  const alerts = program.command("alerts").description("saved searches and their deliveries (the operator, or a network for its own)");
  const idArgument = (id: string) => encodeURIComponent(id);
  alerts
    .command("list")
    .description("saved searches, newest first: id, network, state, health, channel, name")
    .option("--network <slug>", "only this network's")
    .option("--first <n>", "how many (1-100)", "50")
    .option("--after <cursor>", "the page after this cursor (printed at the end of the previous page)")
    .option("--json", "print the admin API's JSON answer")
    .action(async (options: { network?: string; first: string; after?: string; json?: boolean }) => {
      const query = new URLSearchParams({
        first: options.first,
        ...(options.network ? { network: options.network } : {}),
        ...(options.after ? { after: options.after } : {}),
      });
      const answer = await callAdmin(global(), "GET", `/saved-searches?${query}`);
      if (fail(answer)) return;
      const body = answer.body as { savedSearches: Array<Record<string, unknown>>; totalCount: number; next: string | null };
      if (options.json) {
        io.out(JSON.stringify(body, null, 2));
        return;
      }
      for (const row of body.savedSearches) io.out(`${row.id}\t${row.network ?? "-"}\t${row.state}\t${row.health}\t${row.channel}\t${row.name}`);
      io.out(`${body.savedSearches.length} of ${body.totalCount}${body.next ? `; next page: --after ${body.next}` : ""}`);
    });
  alerts
    .command("show <id>")
    .description("a saved search and its deliveries, newest first")
    .option("--status <status>", "only deliveries in this status (PENDING, DIGEST, DELIVERED, FAILED, SKIPPED)")
    .option("--first <n>", "how many deliveries (1-100)", "20")
    .option("--after <cursor>", "the deliveries after this cursor")
    .option("--json", "print the admin API's JSON answer")
    .action(async (id: string, options: { status?: string; first: string; after?: string; json?: boolean }) => {
      const query = new URLSearchParams({
        first: options.first,
        ...(options.status ? { status: options.status } : {}),
        ...(options.after ? { after: options.after } : {}),
      });
      const answer = await callAdmin(global(), "GET", `/saved-searches/${idArgument(id)}?${query}`);
      if (fail(answer)) return;
      const body = answer.body as { savedSearch: Record<string, unknown>; deliveries: Array<Record<string, unknown>>; totalCount: number; next: string | null };
      if (options.json) {
        io.out(JSON.stringify(body, null, 2));
        return;
      }
      const search = body.savedSearch;
      io.out(`${search.id}\t${search.network ?? "-"}\t${search.state}\t${search.health}\t${search.channel}\t${search.name}`);
      if (search.failingSince) io.out(`failing since ${search.failingSince}`);
      io.out(`criteria: ${JSON.stringify(Object.fromEntries(Object.entries(search.criteria as object).filter(([, value]) => value !== null)))}`);
      io.out(`deliveries${options.status ? ` (${options.status})` : ""}: ${body.totalCount}`);
      for (const row of body.deliveries) {
        const outcome = [row.responseStatus ? `HTTP ${row.responseStatus}` : "", row.lastError ?? ""].filter(Boolean).join(" ");
        io.out(`${row.createdAt}\t${row.id}\t${row.kind}\t${row.status}\t${row.attempts} attempts\t${row.title}\t${row.url}${outcome ? `\t${outcome}` : ""}`);
      }
      if (body.next) io.out(`next page: --after ${body.next}`);
    });
  for (const [action, done] of [
    ["pause", "paused"],
    ["resume", "resumed"],
  ] as const) {
    alerts
      .command(`${action} <id>`)
      .description(action === "pause" ? "stop matching and sending until resumed" : "match and send again, from now on")
      .action(async (id: string) => {
        const answer = await callAdmin(global(), "POST", `/saved-searches/${idArgument(id)}/${action}`);
        if (!fail(answer)) io.out(`${done} ${id} (${(answer.body as { savedSearch: { state: string } }).savedSearch.state})`);
      });
  }
  alerts
    .command("delete <id>")
    .description("delete a saved search with its deliveries")
    .action(async (id: string) => {
      const answer = await callAdmin(global(), "DELETE", `/saved-searches/${idArgument(id)}`);
      if (!fail(answer)) io.out(`deleted ${id}`);
    });
  program
    .command("supergraph")
    .description("print the live supergraph SDL")
    .action(async () => {
      const answer = await callAdmin(global(), "GET", "/supergraph");
      if (!fail(answer)) io.out(String(answer.body));
    });
  return program;
}

/** Runs the CLI on `argv` (without node and script) and resolves to its exit code; `env` gives the default gateway. */
export async function runCli(argv: string[], io: CliIo = consoleIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const state = { exitCode: EXIT.ok as number };
  try {
    await createProgram(io, state, env).parseAsync(argv, { from: "user" });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    io.err(`error: ${(error as Error).message}`);
    return error instanceof UsageError ? EXIT.usage : EXIT.refused;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
