import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLError } from "graphql";

// Keyed by the request's context object, so errors never outlive or cross requests.
const reported = new WeakMap<object, GraphQLError[]>();

/**
 * Adds an error to the response of the current request while the resolver still returns its data: for
 * answers that are partial on purpose (the search when one searched subgraph is down).
 */
export function reportPartialError(context: object, error: GraphQLError): void {
  const errors = reported.get(context);
  if (errors) errors.push(error);
  else reported.set(context, [error]);
}

/** Apollo Server plugin appending the errors given to `reportPartialError` to the response. */
export function partialErrorsPlugin(): ApolloServerPlugin<object> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const errors = reported.get(contextValue);
          if (!errors || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...errors.map((error) => error.toJSON())];
        },
      };
    },
  };
}
