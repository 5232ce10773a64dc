import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

/** The gateway sends a small set of distinct operations; a bound keeps odd clients from growing the cache. */
const COMPILED_QUERIES_MAX = 1000;

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];

/** What one execution needs, as Apollo Server's pipeline has it after parsing and validating. */
export interface ExecutionRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  /** The query text, which with `operationName` keys the compiled query. */
  source: string;
  operation: OperationDefinitionNode | undefined;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
  contextValue: unknown;
}

/**
 * Executes queries with graphql-jit, each compiled once per (query text, operation name) and kept in a bounded
 * LRU: a subgraph's answers to the gateway's repeated operations then skip graphql-js's per-field interpretation
 * (a fifth of a subgraph's CPU). Mutations (serial, rare) and requests refused before execution (an unknown
 * operation, variables that do not coerce) are executed by graphql-js, whose answers they keep.
 */
export function createCompiledExecution(): (request: ExecutionRequest) => Promise<ExecutionResult> {
  const compiled = new Map<string, CompiledQuery>();

  function compiledFor(request: ExecutionRequest): CompiledQuery | undefined {
    const key = `${request.operationName ?? ""}\n${request.source}`;
    const hit = compiled.get(key);
    if (hit) {
      // Most recently used last, so the first key is the one to evict.
      compiled.delete(key);
      compiled.set(key, hit);
      return hit;
    }
    const query = compileQuery(request.schema, request.document, request.operationName);
    if (!isCompiledQuery(query)) return undefined;
    if (compiled.size >= COMPILED_QUERIES_MAX) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, query);
    return query;
  }

  return async (request) => {
    const query = request.operation?.operation === "query" ? compiledFor(request) : undefined;
    const result = query && (await query.query(undefined, request.contextValue, request.variables ?? {}));
    if (!result || !("data" in result)) return executeInterpreted(request);
    // graphql-js's key order (errors first), which the answer keeps.
    return result.errors ? { errors: result.errors.map(asGraphQLJsError), data: result.data } : { data: result.data };
  };
}

/** Executes the request with graphql-js, as Apollo Server does without a gateway. */
export async function executeInterpreted(request: ExecutionRequest): Promise<ExecutionResult> {
  return execute({
    schema: request.schema,
    document: request.document,
    contextValue: request.contextValue,
    variableValues: request.variables,
    operationName: request.operationName,
  });
}

/**
 * graphql-jit's errors carry `locations` without the nodes graphql-js derives them from, and no `extensions`
 * when the original has none, where Apollo Server's formatting expects graphql-js's errors.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  (converted as { locations: GraphQLError["locations"] }).locations = error.locations;
  return converted;
}

/**
 * Apollo Server's gateway seam, for a subgraph's own schema: Apollo's pipeline (parsing and validation with
 * their caches, every plugin, error formatting) stays, and only execution is the compiled one above. A request
 * asking for a federated trace (`tracing`, with `apollo-federation-include-trace: ftv1`) is executed by
 * graphql-js, since only that calls the resolver hooks a trace is made of.
 */
export function compiledExecutionGateway(schema: GraphQLSchema, options: { tracing: boolean }): Gateway {
  const executeCompiled = createCompiledExecution();
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => undefined;
    },
    async load() {
      return {
        executor: async (context) => {
          const request = {
            schema,
            document: context.document,
            source: context.source,
            operation: context.operation,
            operationName: context.request.operationName,
            variables: context.request.variables,
            contextValue: context.context,
          };
          const traced = options.tracing && context.request.http?.headers.get("apollo-federation-include-trace") === "ftv1";
          return traced ? executeInterpreted(request) : executeCompiled(request);
        },
      };
    },
    async stop() {},
  };
}
