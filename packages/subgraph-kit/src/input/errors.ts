import { GraphQLError } from "graphql";

/** One rejected input field: `field` is its path inside the argument, e.g. `bio.translations[0].lang`. */
export interface FieldViolation {
  field: string;
  message: string;
}

/**
 * The one error for bad client input. The message names every offending field so a person reading
 * Sandbox knows what to fix; `extensions.violations` carries the same list for programs.
 */
export function badUserInput(violations: FieldViolation | FieldViolation[]): GraphQLError {
  const list = Array.isArray(violations) ? violations : [violations];
  const message = list.map((v) => `${v.field}: ${v.message}`).join("; ");
  return new GraphQLError(`Invalid input: ${message}`, {
    extensions: { code: "BAD_USER_INPUT", field: list[0]?.field, violations: list },
  });
}

/** A write addressed a record that does not exist. Reads answer `null` instead. */
export function notFound(typeName: string, id: string): GraphQLError {
  return new GraphQLError(`${typeName} ${id} does not exist`, {
    extensions: { code: "NOT_FOUND", field: "id" },
  });
}

/** Collects violations during validation so that all of them are reported at once. */
export class Violations {
  private readonly list: FieldViolation[] = [];

  add(field: string, message: string): this {
    this.list.push({ field, message });
    return this;
  }

  get isEmpty(): boolean {
    return this.list.length === 0;
  }

  /** Throws a BAD_USER_INPUT error when anything was added. */
  throwIfAny(): void {
    if (!this.isEmpty) throw badUserInput(this.list);
  }
}
