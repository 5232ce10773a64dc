import type { ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import type { RequestHandler } from "express";
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  Kind,
  Lexer,
  type SelectionSetNode,
  Source,
  TokenKind,
  type ValidationRule,
  validate,
} from "graphql";
import type { OperationLimits } from "./protection-config";
import { type ProtectionErrorCode, refusal, sendRefusal } from "./protection-errors";
import { operationCost } from "./query-cost";
import { requestParts } from "./request-parts";

/** Counts the lexer tokens of a document, stopping once past `max` (the parser's own count; comments excluded). */
export function countTokens(source: string, max: number): number {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++tokens > max) break;
    }
  } catch {
    // A syntax error: Apollo Server reports it when it parses the document.
  }
  return tokens;
}

/**
 * Refuses documents over MAX_TOKENS before anything parses them (HTTP 400, MAX_TOKENS_EXCEEDED).
 * Persisted-query hashes need no check: their document was checked when it was registered.
 */
export function tokenLimit(maxTokens: number): RequestHandler {
  return (req, res, next) => {
    const query = requestParts(req)?.query;
    if (query && countTokens(query, maxTokens) > maxTokens) {
      sendRefusal(res, 400, "MAX_TOKENS_EXCEEDED", `The operation has more than ${maxTokens} tokens.`, { limit: maxTokens });
      return;
    }
    next();
  };
}

/** Fields selected at the root of each operation, through fragments, the largest count. */
function maxRootFields(document: DocumentNode): number {
  const fragments = new Map(
    document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  const countIn = (selectionSet: SelectionSetNode, seen: Set<string>): number =>
    selectionSet.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + 1;
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + countIn(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return total;
      return total + countIn(fragment.selectionSet, new Set([...seen, fragment.name.value]));
    }, 0);
  return Math.max(
    0,
    ...document.definitions.map((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? countIn(definition.selectionSet, new Set()) : 0)),
  );
}

/** Runs one GraphQL Armor rule alone; Armor throws its rejection, so it is caught here. */
function armorRejection(schema: GraphQLSchema, document: DocumentNode, rule: ValidationRule): string | null {
  try {
    const errors = validate(schema, document, [rule]);
    return errors[0]?.message ?? null;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^Syntax Error: /, "") : "Query validation error.";
  }
}

/** The first shape limit a document breaks, or null. Depth, aliases and directives are GraphQL Armor's rules. */
export function shapeRefusal(schema: GraphQLSchema, document: DocumentNode, limits: OperationLimits): GraphQLError | null {
  const armor: Array<[ProtectionErrorCode, number, ValidationRule]> = [
    ["MAX_DEPTH_EXCEEDED", limits.maxDepth, maxDepthRule({ n: limits.maxDepth })],
    // No allow-list: Armor's default lets `aliasN: __typename` floods (and an alias named __typename) through.
    ["MAX_ALIASES_EXCEEDED", limits.maxAliases, maxAliasesRule({ n: limits.maxAliases, allowList: [] })],
    ["MAX_DIRECTIVES_EXCEEDED", limits.maxDirectives, maxDirectivesRule({ n: limits.maxDirectives })],
  ];
  for (const [code, limit, rule] of armor) {
    const message = armorRejection(schema, document, rule);
    if (message) return refusal(code, message, { limit });
  }
  const rootFields = maxRootFields(document);
  if (rootFields > limits.maxRootFields) {
    return refusal("MAX_ROOT_FIELDS_EXCEEDED", `Root field limit of ${limits.maxRootFields} exceeded, found ${rootFields}.`, { limit: limits.maxRootFields });
  }
  return null;
}

/** Variable sets whose cost is remembered per document. */
const MAX_COSTS_PER_DOCUMENT = 64;

/**
 * Apollo Server plugin enforcing the operation limits once the operation is known: the shape limits
 * (cached per parsed document, which Apollo Server itself caches per query) and page sizes and cost
 * (cached per document and variables, on which they depend). Refusals are HTTP 400 with a code naming
 * the limit; validation rules would all be reported as GRAPHQL_VALIDATION_FAILED.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  const shapeChecked = new WeakMap<DocumentNode, GraphQLError | null>();
  // The cost depends on the variables only through page sizes; measured once per document and variables.
  const measuredCosts = new WeakMap<DocumentNode, Map<string, ReturnType<typeof operationCost>>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, operation }) {
          // No operation to run: requestValidationPlugin answers that (the cost would be unmeasurable).
          if (!operation) return;
          let shape = shapeChecked.get(document);
          if (shape === undefined) {
            shape = shapeRefusal(schema, document, limits);
            shapeChecked.set(document, shape);
          }
          if (shape) throw shape;
          const costKey = `${operationName ?? ""}\0${JSON.stringify(request.variables ?? {})}`;
          let costs = measuredCosts.get(document);
          if (!costs) measuredCosts.set(document, (costs = new Map()));
          let measured = costs.get(costKey);
          if (measured === undefined) {
            measured = operationCost({
              schema,
              document,
              operationName,
              variables: request.variables,
              defaultPageSize: limits.defaultPageSize,
              maxPageSize: limits.maxPageSize,
            });
            if (costs.size >= MAX_COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value as string);
            costs.set(costKey, measured);
          }
          if (!measured) return;
          if (measured.oversizedPage) {
            const { field, first } = measured.oversizedPage;
            throw refusal("PAGE_SIZE_EXCEEDED", `${field}: first must be at most ${limits.maxPageSize}, got ${first}.`, { limit: limits.maxPageSize });
          }
          if (measured.cost > limits.maxCost) {
            const found = Number.isFinite(measured.cost) ? `, found ${measured.cost}` : "";
            throw refusal("MAX_COST_EXCEEDED", `Query cost limit of ${limits.maxCost} exceeded${found}: ask for smaller pages or fewer nested lists.`, {
              limit: limits.maxCost,
              ...(Number.isFinite(measured.cost) ? { cost: measured.cost } : {}),
            });
          }
        },
      };
    },
  };
}
