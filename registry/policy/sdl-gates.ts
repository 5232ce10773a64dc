import { type DocumentNode, GraphQLError, parse } from "graphql";
import { type NetworkPrefixes, networkPrefixes } from "./namespaces";
import type { PolicyContext, PolicyProblem } from "./policy-subject";

export const DEFAULT_MAX_SDL_BYTES = 256 * 1024;
/** Deepest bracket nesting (`[`, `(`, `{`) a partner SDL may use; real schemas stay below 10, and the parser recurses once per level. */
export const MAX_SDL_NESTING = 32;
/** Most tokens a partner SDL may hold; 256 KiB of real SDL has far fewer. */
export const MAX_SDL_TOKENS = 100_000;

/**
 * A check on the raw SDL that must pass before the SDL is parsed at all: a failing gate is the only
 * problem reported, since the rules cannot run (or must not spend the work) on such an SDL.
 */
export interface SdlGate {
  name: string;
  check: (sdl: string, context: PolicyContext) => PolicyProblem | null;
}

/**
 * How deeply brackets nest in an SDL: outside strings and comments, and inside each string on its own
 * (field sets of `@key`/`@requires` are parsed again later). Linear and recursion-free, so it can run
 * before the recursive parser does.
 */
export function sdlNesting(sdl: string): number {
  let deepest = 0;
  let depth = 0;
  const stringNesting = (from: number, to: number) => {
    let inner = 0;
    for (let i = from; i < to; i++) {
      const c = sdl[i];
      if (c === "[" || c === "(" || c === "{") deepest = Math.max(deepest, ++inner);
      else if ((c === "]" || c === ")" || c === "}") && inner > 0) inner--;
    }
  };
  for (let i = 0; i < sdl.length; i++) {
    const c = sdl[i];
    if (c === "#") {
      while (i + 1 < sdl.length && sdl[i + 1] !== "\n" && sdl[i + 1] !== "\r") i++;
    } else if (sdl.startsWith('"""', i)) {
      // A block string ends at the next """ not escaped as \""".
      let end = i + 3;
      while (end < sdl.length && !sdl.startsWith('"""', end)) end += sdl.startsWith('\\"""', end) ? 4 : 1;
      stringNesting(i + 3, end);
      i = end + 2;
    } else if (c === '"') {
      // A string ends at the next unescaped " (or, unterminated, at the line's end, where the parser stops too).
      let end = i + 1;
      while (end < sdl.length && sdl[end] !== '"' && sdl[end] !== "\n" && sdl[end] !== "\r") end += sdl[end] === "\\" ? 2 : 1;
      stringNesting(i + 1, end);
      i = end;
    } else if (c === "[" || c === "(" || c === "{") {
      deepest = Math.max(deepest, ++depth);
    } else if ((c === "]" || c === ")" || c === "}") && depth > 0) {
      depth--;
    }
  }
  return deepest;
}

const schemaProblem = (code: string, message: string): PolicyProblem => ({ code, coordinate: "schema", message });

/** SDL_TOO_LARGE: more UTF-8 bytes than `maxSdlBytes`. */
export const sdlSizeGate: SdlGate = {
  name: "sdl-size",
  check(sdl, context) {
    const maxBytes = context.maxSdlBytes ?? DEFAULT_MAX_SDL_BYTES;
    const bytes = Buffer.byteLength(sdl, "utf8");
    return bytes > maxBytes ? schemaProblem("SDL_TOO_LARGE", `The SDL is ${bytes} bytes; partner subgraphs may publish at most ${maxBytes} bytes.`) : null;
  },
};

/** NETWORK_SLUG_INVALID: the publishing network's slug cannot name a namespace. */
export const networkSlugGate: SdlGate = {
  name: "network-slug",
  check(_sdl, context) {
    try {
      networkPrefixes(context.network);
      return null;
    } catch (error) {
      return schemaProblem("NETWORK_SLUG_INVALID", (error as Error).message);
    }
  },
};

/** SDL_TOO_DEEP: brackets nested deeper than {@link MAX_SDL_NESTING}, refused before the recursive parser sees them. */
export const sdlNestingGate: SdlGate = {
  name: "sdl-nesting",
  check(sdl) {
    const nesting = sdlNesting(sdl);
    return nesting > MAX_SDL_NESTING
      ? schemaProblem("SDL_TOO_DEEP", `The SDL nests brackets ${nesting} levels deep; partner subgraphs may nest at most ${MAX_SDL_NESTING}.`)
      : null;
  },
};

/** The gates, in the order they run. */
export const SDL_GATES: readonly SdlGate[] = [sdlSizeGate, networkSlugGate, sdlNestingGate];

/**
 * Passes the SDL through the gates and parses it (at most {@link MAX_SDL_TOKENS} tokens): the document
 * and the network's prefixes, or the one problem that stops the check (SDL_TOO_MANY_TOKENS, SDL_SYNTAX_ERROR
 * or a gate's).
 */
export function admitSdl(sdl: string, context: PolicyContext): { document: DocumentNode; prefixes: NetworkPrefixes } | { problem: PolicyProblem } {
  for (const gate of SDL_GATES) {
    const problem = gate.check(sdl, context);
    if (problem) return { problem };
  }
  let document: DocumentNode;
  try {
    document = parse(sdl, { maxTokens: MAX_SDL_TOKENS });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // graphql-js 16 words it "more that N tokens".
    if (/Document contains more tha[nt] \d+ tokens/.test(error.message)) {
      return { problem: schemaProblem("SDL_TOO_MANY_TOKENS", `The SDL holds more than ${MAX_SDL_TOKENS} tokens, the most a partner subgraph may hold.`) };
    }
    const location = error.locations?.[0];
    const where = location ? ` (line ${location.line}, column ${location.column})` : "";
    return { problem: schemaProblem("SDL_SYNTAX_ERROR", `The SDL does not parse: ${error.message}${where}.`) };
  }
  return { document, prefixes: networkPrefixes(context.network) };
}
