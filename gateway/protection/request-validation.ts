import type { ApolloServerPlugin } from "@apollo/server";
import {
  type ConstValueNode,
  type DirectiveNode,
  type DocumentNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { NUL_CHARACTER_MESSAGE, nulCharacterPaths } from "@agora-hub/runtime";

/** At most this many places are named in one refusal (the kit's scan of variables stops at as many). */
const MAX_NAMED = 10;

/** Paths inside a literal value holding U+0000: `` for a string, `.text` or `[2]` below it. Variables are scanned on their own. */
function literalNulPaths(value: ValueNode | ConstValueNode, path: string): string[] {
  switch (value.kind) {
    case Kind.STRING:
      return value.value.includes("\u0000") ? [path] : [];
    case Kind.LIST:
      return value.values.flatMap((item, index) => literalNulPaths(item, `${path}[${index}]`));
    case Kind.OBJECT:
      return value.fields.flatMap((field) => literalNulPaths(field.value, path ? `${path}.${field.name.value}` : field.name.value));
    default:
      return [];
  }
}

function directiveNulPaths(directives: readonly DirectiveNode[] | undefined, at: string): string[] {
  return (directives ?? []).flatMap(
    (directive) =>
      directive.arguments?.flatMap((argument) =>
        literalNulPaths(argument.value, `${at}@${directive.name.value}(${argument.name.value}`).map((path) => `${path})`),
      ) ?? [],
  );
}

function selectionNulPaths(selectionSet: SelectionSetNode | undefined, at: string): string[] {
  return (selectionSet?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) {
      const field = `${at}${selection.alias?.value ?? selection.name.value}`;
      return [
        ...(selection.arguments ?? []).flatMap((argument) => literalNulPaths(argument.value, `${field}(${argument.name.value}`).map((path) => `${path})`)),
        ...directiveNulPaths(selection.directives, field),
        ...selectionNulPaths(selection.selectionSet, `${field}.`),
      ];
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) return [...directiveNulPaths(selection.directives, at), ...selectionNulPaths(selection.selectionSet, at)];
    return directiveNulPaths(selection.directives, `${at}...${selection.name.value}`);
  });
}

/**
 * Where a document's string literals hold U+0000, by field path (response keys) and argument path:
 * `people(filter.text)`, `person.bio.text(lang)`, `$q` for a variable's default, `...F > people(search)`
 * inside fragment F.
 */
export function documentNulPaths(document: DocumentNode): string[] {
  return document.definitions.flatMap((definition) => {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      return [
        ...(definition.variableDefinitions ?? []).flatMap((variable) =>
          variable.defaultValue ? literalNulPaths(variable.defaultValue, `$${variable.variable.name.value}`) : [],
        ),
        ...directiveNulPaths(definition.directives, ""),
        ...selectionNulPaths(definition.selectionSet, ""),
      ];
    }
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const at = `...${definition.name.value} > `;
      return [...directiveNulPaths(definition.directives, at), ...selectionNulPaths(definition.selectionSet, at)];
    }
    return [];
  });
}

/** Where the variables hold U+0000: `$q`, `$filter.text`, `$ids[0]`. */
export function variablesNulPaths(variables: Record<string, unknown> | undefined): string[] {
  return variables ? nulCharacterPaths(variables).map((path) => `$${path}`) : [];
}

/** The BAD_USER_INPUT refusal (HTTP 400) naming every place that holds U+0000, in the kit's error shape. */
export function nulCharacterRefusal(paths: string[]): GraphQLError {
  const violations = paths.slice(0, MAX_NAMED).map((field) => ({ field, message: NUL_CHARACTER_MESSAGE }));
  return new GraphQLError(`Invalid input: ${violations.map((v) => `${v.field}: ${v.message}`).join("; ")}`, {
    extensions: { code: "BAD_USER_INPUT", field: violations[0].field, violations, http: { status: 400 } },
  });
}

/**
 * Why Apollo Server found no operation to run, worded as graphql-js words it; Apollo Server would answer
 * 400 OPERATION_RESOLUTION_FAILURE itself, but @apollo/gateway throws instead, which became a 500.
 */
export function operationResolutionRefusal(document: DocumentNode, operationName: string | undefined | null): GraphQLError {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const message = operationName
    ? `Unknown operation named "${operationName}".`
    : operations.length > 1
      ? "Must provide operation name if query contains multiple operations."
      : "Must provide an operation.";
  return new GraphQLError(message, { extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } } });
}

/** The refusal of a subscription, which the gateway cannot execute (@apollo/gateway throws on one). */
export function subscriptionRefusal(): GraphQLError {
  return new GraphQLError("Subscriptions are not supported: this hub answers queries and mutations over HTTP.", {
    extensions: { code: "BAD_REQUEST", http: { status: 400 } },
  });
}

/**
 * Apollo Server plugin checking what the gateway would otherwise fail on with a 500, once the operation
 * is resolved: an unknown or missing operation name, a subscription, and U+0000 anywhere in the
 * document's string literals or the variables (PostgreSQL text cannot hold it, so the hub never
 * accepts one; refused here once for every field, with the variable or argument named). Put it before
 * the other plugins' `didResolveOperation`, which may assume an operation.
 */
export function requestValidationPlugin(): ApolloServerPlugin {
  // Apollo Server caches parsed documents, so each distinct document is scanned once.
  const documentPaths = new WeakMap<DocumentNode, string[]>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) throw operationResolutionRefusal(document, request.operationName);
          if (operation.operation === "subscription") throw subscriptionRefusal();
          let inDocument = documentPaths.get(document);
          if (!inDocument) {
            inDocument = documentNulPaths(document);
            documentPaths.set(document, inDocument);
          }
          const paths = [...inDocument, ...variablesNulPaths(request.variables)];
          if (paths.length > 0) throw nulCharacterRefusal(paths);
        },
      };
    },
  };
}
