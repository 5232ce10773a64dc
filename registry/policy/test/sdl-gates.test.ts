import { admitSdl, MAX_SDL_NESTING, networkSlugGate, sdlNesting, sdlNestingGate, sdlSizeGate } from "../sdl-gates";
import { CORE_SDL, HEADER } from "./policy-fixtures";

const context = { network: "creative-tracks", coreSdls: [CORE_SDL], otherPartners: [] };

describe("SDL gates", () => {
  it("refuses an SDL over maxSdlBytes, counting UTF-8 bytes", () => {
    expect(sdlSizeGate.check("é".repeat(6), { ...context, maxSdlBytes: 11 })?.code).toBe("SDL_TOO_LARGE");
    expect(sdlSizeGate.check("é".repeat(5), { ...context, maxSdlBytes: 11 })).toBeNull();
  });

  it("refuses a network slug that cannot name a namespace", () => {
    expect(networkSlugGate.check("", { ...context, network: "3d-hub" })).toMatchObject({ code: "NETWORK_SLUG_INVALID", coordinate: "schema" });
    expect(networkSlugGate.check("", context)).toBeNull();
  });

  it("counts nesting outside strings and inside each string on its own, ignoring comments", () => {
    expect(sdlNesting('type A { b: [[C]] } # [[[[[[\n"""{{"""')).toBe(3);
    expect(sdlNestingGate.check("[".repeat(MAX_SDL_NESTING + 1), context)?.code).toBe("SDL_TOO_DEEP");
    expect(sdlNestingGate.check("[".repeat(MAX_SDL_NESTING), context)).toBeNull();
  });

  it("reports a syntax error with its location, and otherwise hands over the document and prefixes", () => {
    const broken = admitSdl("type {", context);
    expect("problem" in broken && broken.problem.message).toMatch(/^The SDL does not parse: .*\(line 1, column 6\)\.$/);
    const admitted = admitSdl(`${HEADER}\ntype Query { creativeTracksHello: String }`, context);
    expect("document" in admitted && admitted.prefixes).toEqual({ typePrefix: "CreativeTracks", fieldPrefix: "creativeTracks" });
  });

  it("stops at the first failing gate", () => {
    const admitted = admitSdl("[".repeat(100), { ...context, network: "3d", maxSdlBytes: 10 });
    expect("problem" in admitted && admitted.problem.code).toBe("SDL_TOO_LARGE");
  });
});
