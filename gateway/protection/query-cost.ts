import type { DocumentNode, GraphQLSchema } from "graphql";
import { type ComplexityEstimator, getComplexity } from "graphql-query-complexity";

/** What an operation would cost, and the first page size over the limit if any. */
export interface OperationCost {
  cost: number;
  oversizedPage?: { field: string; first: number };
}

/**
 * The cost of an operation: every field costs 1 plus what it selects, and a connection (a field with a
 * `first` argument) multiplies what it selects by its page size — from a literal, a variable or the
 * default — so the cost is the nested product of page sizes. Fragments, `@skip`/`@include` and the
 * most expensive member of an abstract type are accounted for by graphql-query-complexity.
 * Returns null when the variables do not coerce: execution then answers BAD_USER_INPUT itself.
 */
export function operationCost(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  defaultPageSize: number;
  maxPageSize: number;
}): OperationCost | null {
  let oversizedPage: OperationCost["oversizedPage"];
  const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity, type }) => {
    if (!field.args.some((arg) => arg.name === "first")) return 1 + childComplexity;
    const first = typeof args.first === "number" ? args.first : options.defaultPageSize;
    if (first > options.maxPageSize && !oversizedPage) oversizedPage = { field: `${type.name}.${field.name}`, first };
    return 1 + Math.max(0, first) * childComplexity;
  };
  try {
    const cost = getComplexity({
      schema: options.schema,
      query: options.document,
      operationName: options.operationName ?? undefined,
      variables: options.variables,
      estimators: [pageSizeEstimator],
    });
    return { cost, oversizedPage };
  } catch (error) {
    // Variables that do not coerce are answered by execution; anything else (e.g. too many nodes) is refused.
    if (error instanceof Error && error.message.startsWith('Variable "$')) return null;
    return { cost: Number.POSITIVE_INFINITY, oversizedPage };
  }
}
