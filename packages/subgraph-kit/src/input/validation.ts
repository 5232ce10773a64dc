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

/**
 * Validates the arguments before a resolver runs and answers with one BAD_USER_INPUT error naming each
 * bad field: first no string anywhere in the field's arguments holds U+0000 (one check for every
 * search, filter and input, named by its argument path), then every input object by its
 * class-validator decorators.
 */
export const validateInput: ValidatorFn = async (argValue, _argType, { args }) => {
  // type-graphql validates each parameter, but only `args` knows the arguments' names.
  const nul = nulCharacterPaths(args);
  if (nul.length > 0) throw badUserInput(nul.map((field) => ({ field, message: NUL_CHARACTER_MESSAGE })));
  const values: unknown[] = Array.isArray(argValue) ? argValue : [argValue];
  const violations: FieldViolation[] = [];
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== "object" || value instanceof Date) continue;
    const errors = await validate(value, { forbidUnknownValues: false, validationError: { target: false } });
    violations.push(...flatten(errors, Array.isArray(argValue) ? `[${index}]` : ""));
  }
  if (violations.length > 0) throw badUserInput(violations);
};
