/** Why a value with U+0000 is refused: PostgreSQL text cannot hold it, so no input may carry it. */
export const NUL_CHARACTER_MESSAGE = "must not contain the NUL character (\\u0000): the hub cannot store or search it";

/** Stop after this many: one is enough to fix the input, and a hostile one may hold thousands. */
const MAX_NUL_PATHS = 10;

/**
 * Paths of the strings (and object keys) holding U+0000 in an input value: `filter.text`, `ids[2]`,
 * `prefix` itself for a string. Walks iteratively, so a deeply nested JSON variable cannot overflow the stack.
 */
export function nulCharacterPaths(value: unknown, prefix = ""): string[] {
  const found: string[] = [];
  const pending: Array<[string, unknown]> = [[prefix, value]];
  while (pending.length > 0 && found.length < MAX_NUL_PATHS) {
    const [path, current] = pending.pop()!;
    if (typeof current === "string") {
      if (current.includes("\u0000")) found.push(path);
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) pending.push([`${path}[${index}]`, current[index]]);
    } else if (current !== null && typeof current === "object" && !(current instanceof Date)) {
      const entries = Object.entries(current);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, item] = entries[index];
        const field = path ? `${path}.${key}` : key;
        if (key.includes("\u0000")) found.push(field);
        pending.push([field, item]);
      }
    }
  }
  return found.slice(0, MAX_NUL_PATHS);
}
