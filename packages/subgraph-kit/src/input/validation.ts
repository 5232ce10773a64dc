import { validate, type ValidationError } from "class-validator";
import type { ValidatorFn } from "type-graphql";
import { nulCharacterPaths, NUL_CHARACTER_MESSAGE } from "@agora-hub/runtime";
import { badUserInput, type FieldViolation } from "./errors";

function flatten(errors: ValidationError[], prefix: string): FieldViolation[] {
  return errors.flatMap((error) => {
    const isIndex = /^\d+$/.test(error.property);
    const field = isIndex ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Valid argument objects seen lately, by class and JSON; bounded, emptied when full. */
const VALID_SEEN_LIMIT = 1000;
const validSeen = new Map<object, Set<string>>();
let validSeenCount = 0;

/** The JSON of a value made only of strings, finite numbers, booleans, null, arrays and objects; undefined for anything else. */
function plainJson(value: object): string | undefined {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === null || typeof current === "string" || typeof current === "boolean" || current === undefined) continue;
    if (typeof current === "number" && Number.isFinite(current)) continue;
    if (typeof current !== "object" || current instanceof Date) return undefined;
    const prototype = Object.getPrototypeOf(current) as object | null;
    if (Array.isArray(current)) pending.push(...(current as unknown[]));
    else if (prototype === Object.prototype || prototype === null || current === value) pending.push(...Object.values(current));
    else return undefined;
  }
  return JSON.stringify(value);
}

/**
 * class-validator's errors for `value`: the same arguments on every row of a list (`memberships(first: 5)` for
 * each of 20 people) are checked once, since its decorators depend only on the value. Only values of plain JSON
 * (no Dates or scalars' objects) and only valid ones are remembered.
 */
async function validationErrors(value: object): Promise<ValidationError[]> {
  const json = plainJson(value);
  const seen = json === undefined ? undefined : validSeen.get(value.constructor);
  if (json !== undefined && seen?.has(json)) return [];
  const errors = await validate(value, { forbidUnknownValues: false, validationError: { target: false } });
  if (json !== undefined && errors.length === 0) {
    if (validSeenCount >= VALID_SEEN_LIMIT) {
      validSeen.clear();
      validSeenCount = 0;
    }
    const set = validSeen.get(value.constructor) ?? new Set<string>();
    validSeen.set(value.constructor, set);
    set.add(json);
    validSeenCount++;
  }
  return errors;
}

/** Whether `validateInput` has lately found an object of the same class with the same plain JSON valid (so would again). */
export function isKnownValid(value: object): boolean {
  const json = plainJson(value);
  return json !== undefined && validSeen.get(value.constructor)?.has(json) === true;
}

/** Throws one BAD_USER_INPUT error naming each argument path whose string holds U+0000: all `validateInput` checks of scalars. */
export function refuseNulCharacters(args: Record<string, unknown>): void {
  const nul = nulCharacterPaths(args);
  if (nul.length > 0) throw badUserInput(nul.map((field) => ({ field, message: NUL_CHARACTER_MESSAGE })));
}

/**
 * Validates the arguments before a resolver runs and answers with one BAD_USER_INPUT error naming each
 * bad field: first no string anywhere in the field's arguments holds U+0000 (one check for every
 * search, filter and input, named by its argument path), then every input object by its
 * class-validator decorators.
 */
export const validateInput: ValidatorFn = async (argValue, _argType, { args }) => {
  // type-graphql validates each parameter, but only `args` knows the arguments' names.
  refuseNulCharacters(args);
  const values: unknown[] = Array.isArray(argValue) ? argValue : [argValue];
  const violations: FieldViolation[] = [];
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== "object" || value instanceof Date) continue;
    const errors = await validationErrors(value);
    violations.push(...flatten(errors, Array.isArray(argValue) ? `[${index}]` : ""));
  }
  if (violations.length > 0) throw badUserInput(violations);
};
