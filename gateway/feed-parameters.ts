import {
  getNullableType,
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  type GraphQLInputType,
  GraphQLInt,
  GraphQLScalarType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
} from "graphql";

/** Most values one list parameter may carry; the subgraphs allow 50 per filter criterion. */
export const MAX_LIST_VALUES = 50;

/** One query-string parameter of a feed, derived from the argument or input field it fills. */
export interface FeedParameter {
  name: string;
  /** The root field's argument it fills. */
  argument: string;
  /** The input field of that argument it fills, when the argument is an input object (`filter.countries`). */
  field?: string;
  /** A list: given comma-separated or repeated. */
  list: boolean;
  /** Its (item) type: an enum, or a scalar (custom scalars such as DateTimeISO pass as strings for their owner to check). */
  type: GraphQLEnumType | GraphQLScalarType;
}

/** A feed's GraphQL operation and the parameters it accepts, both read from the schema. */
export interface FeedOperation {
  query: string;
  /** The parameters by name, in the order of the field's arguments and their input fields. */
  parameters: ReadonlyMap<string, FeedParameter>;
  /** The input-object arguments, always sent (as `{}` when no parameter fills them). */
  inputArguments: readonly string[];
}

/** A bad query-string parameter; its message names the parameter. */
export class FeedParameterError extends Error {}

/** The leaf (item) type of a parameter-shaped input type, or null when a query string cannot carry it (input objects, lists of lists). */
function leafOf(type: GraphQLInputType): { list: boolean; type: GraphQLEnumType | GraphQLScalarType } | null {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = getNullableType(nullable.ofType);
    return isEnumType(item) || isScalarType(item) ? { list: true, type: item } : null;
  }
  return isEnumType(nullable) || isScalarType(nullable) ? { list: false, type: nullable } : null;
}

/**
 * Derives the operation of the feed answered by root field `fieldName` from `schema`: each scalar or
 * enum argument is a parameter of its own name (`lang`), and each input-object argument (`filter`)
 * contributes its scalar, enum and list fields (`countries`, `upcoming`, …). Input fields a query
 * string cannot carry (nested input objects such as `near`) are not offered. Null when the schema
 * has no such field.
 */
export function feedOperation(schema: GraphQLSchema, fieldName: string): FeedOperation | null {
  const field = schema.getQueryType()?.getFields()[fieldName];
  if (!field) return null;
  const parameters = new Map<string, FeedParameter>();
  const inputArguments: string[] = [];
  const variables: string[] = [];
  const offer = (parameter: FeedParameter) => {
    // A name taken by an earlier argument or input field stays with it.
    if (!parameters.has(parameter.name)) parameters.set(parameter.name, parameter);
  };
  for (const argument of field.args) {
    const type = getNullableType(argument.type);
    if (isInputObjectType(type)) {
      inputArguments.push(argument.name);
      for (const input of Object.values(type.getFields())) {
        const leaf = leafOf(input.type);
        if (leaf) offer({ name: input.name, argument: argument.name, field: input.name, ...leaf });
      }
    } else {
      const leaf = leafOf(argument.type);
      if (!leaf) continue;
      offer({ name: argument.name, argument: argument.name, ...leaf });
    }
    variables.push(argument.name);
  }
  const declared = variables.map((name) => `$${name}: ${String(field.args.find((argument) => argument.name === name)!.type)}`).join(", ");
  const passed = variables.map((name) => `${name}: $${name}`).join(", ");
  const query = `query Feed${declared ? `(${declared})` : ""} { ${fieldName}${passed ? `(${passed})` : ""} }`;
  return { query, parameters, inputArguments };
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? "an" : "a";
}

/** One value read as the parameter's (item) type; custom scalars are left to the subgraph that owns them. */
function parseValue(parameter: FeedParameter, value: string): unknown {
  const { name, type } = parameter;
  if (type instanceof GraphQLEnumType) {
    if (type.getValue(value)) return value;
    const values = type.getValues().map((item) => item.name);
    const choices = values.length <= 20 ? `; one of ${values.join(", ")}` : "";
    throw new FeedParameterError(`parameter ${name}: ${JSON.stringify(value.slice(0, 40))} is not ${article(type.name)} ${type.name}${choices}`);
  }
  switch (type.name) {
    case GraphQLBoolean.name:
      if (value !== "true" && value !== "false") throw new FeedParameterError(`parameter ${name}: must be true or false`);
      return value === "true";
    case GraphQLInt.name:
      if (!/^-?\d{1,9}$/.test(value)) throw new FeedParameterError(`parameter ${name}: must be a whole number`);
      return Number(value);
    case GraphQLFloat.name: {
      const number = value.trim() === "" ? Number.NaN : Number(value);
      if (!Number.isFinite(number)) throw new FeedParameterError(`parameter ${name}: must be a number`);
      return number;
    }
    default:
      return value;
  }
}

/**
 * Turns a feed's query string into the operation's variables: every parameter read as its type from
 * the schema, lists comma-separated or repeated (at most {@link MAX_LIST_VALUES}). An unknown
 * parameter, a repeated single one or a value of the wrong type is a {@link FeedParameterError}.
 */
export function feedVariables(operation: FeedOperation, query: Record<string, unknown>): Record<string, unknown> {
  const variables: Record<string, unknown> = Object.fromEntries(operation.inputArguments.map((argument) => [argument, {}]));
  for (const [name, raw] of Object.entries(query)) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === "string");
    if (values.length === 0) throw new FeedParameterError(`parameter ${name}: must be a plain value`);
    const parameter = operation.parameters.get(name);
    if (!parameter) {
      throw new FeedParameterError(`unknown parameter ${JSON.stringify(name.slice(0, 40))}; allowed: ${[...operation.parameters.keys()].join(", ")}`);
    }
    let parsed: unknown;
    if (parameter.list) {
      const items = values
        .flatMap((item) => item.split(","))
        .map((item) => item.trim())
        .filter((item) => item !== "");
      if (items.length > MAX_LIST_VALUES) throw new FeedParameterError(`parameter ${name}: at most ${MAX_LIST_VALUES} values`);
      parsed = items.map((item) => parseValue(parameter, item));
    } else {
      if (values.length > 1) throw new FeedParameterError(`parameter ${name}: give it once`);
      parsed = parseValue(parameter, values[0]);
    }
    if (parameter.field === undefined) variables[parameter.argument] = parsed;
    else (variables[parameter.argument] as Record<string, unknown>)[parameter.field] = parsed;
  }
  return variables;
}
