import type { ResolverData } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageArgs } from "../src/data/pagination";
import { validateInput } from "../src/input/validation";

/** Validates page arguments as type-graphql does before a list resolver runs. */
const validatePage = (first: number, after?: string) =>
  validateInput(Object.assign(new PageArgs(), { first, after }), PageArgs, { args: { first, after } } as unknown as ResolverData);

describe("page arguments", () => {
  it.each([0, 1, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE])("accept a page of %i", async (first) => {
    await expect(validatePage(first)).resolves.toBeUndefined();
  });

  it.each([
    [MAX_PAGE_SIZE + 1, `must be at most ${MAX_PAGE_SIZE}`],
    [-1, "must not be negative"],
  ])("refuse a page of %i with BAD_USER_INPUT naming first", async (first, message) => {
    await expect(validatePage(first)).rejects.toMatchObject({
      message: expect.stringContaining(`first: ${message}`),
      extensions: { code: "BAD_USER_INPUT", field: "first" },
    });
  });

  it("refuse a cursor holding U+0000, naming after", async () => {
    await expect(validatePage(1, "a\u0000")).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "after" } });
  });
});
