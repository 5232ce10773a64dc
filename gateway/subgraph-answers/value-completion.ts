import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

/** The code of a field left null because what it needed could not be resolved. */
export const FIELD_UNRESOLVED = "FIELD_UNRESOLVED";

/** Value-completion errors reported for one response; the rest are summed up in one more. */
const MAX_COMPLETION_ERRORS = 20;

/**
 * `@apollo/gateway` reports the nulls it had to propagate (a non-null field whose subgraph gave nothing:
 * a hidden or deleted entity, a failed fetch) under `extensions.valueCompletion` when no fetch failed, so
 * a client can get `data: null` with no `errors` at all. This moves them where GraphQL says field errors
 * belong, so data nulled by the hub always comes with an error saying where and why.
 */
export function valueCompletionErrorsPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const completion = result.extensions?.valueCompletion;
          if (!Array.isArray(completion)) return;
          const { valueCompletion: _moved, ...extensions } = result.extensions ?? {};
          result.extensions = Object.keys(extensions).length > 0 ? extensions : undefined;
          const errors: GraphQLFormattedError[] = (completion as Array<{ message?: unknown; path?: unknown }>).slice(0, MAX_COMPLETION_ERRORS).map((error) => ({
            message: typeof error.message === "string" ? error.message : "A field could not be resolved",
            ...(Array.isArray(error.path) ? { path: error.path as Array<string | number> } : {}),
            extensions: { code: FIELD_UNRESOLVED },
          }));
          if (completion.length > MAX_COMPLETION_ERRORS) {
            errors.push({ message: `${completion.length - MAX_COMPLETION_ERRORS} more fields could not be resolved`, extensions: { code: FIELD_UNRESOLVED } });
          }
          result.errors = [...(result.errors ?? []), ...errors];
        },
      };
    },
  };
}
