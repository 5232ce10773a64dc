import type { ApolloGateway } from "@apollo/gateway";
import { buildSchema, type DocumentNode, type GraphQLSchema, parse } from "graphql";
import { shapeAnswer, type ShapedAnswer } from "./shape-answer";

/** Distinct subgraph operations kept parsed; the gateway's query-plan cache bounds how many there are. */
const MAX_DOCUMENTS = 2000;

/**
 * The current supergraph's types, for checking subgraph answers against them. One instance serves every
 * subgraph data source of a gateway and follows the gateway's supergraph as it changes.
 */
export class SupergraphTypes {
  private schema: GraphQLSchema | null = null;
  private readonly documents = new Map<string, DocumentNode>();

  /** Follows `gateway`'s supergraph from its first load on. */
  watch(gateway: ApolloGateway): void {
    gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => this.update(coreSupergraphSdl));
  }

  /** Takes a (new) supergraph SDL. */
  update(supergraphSdl: string): void {
    this.schema = buildSchema(supergraphSdl, { assumeValidSDL: true });
  }

  /**
   * A subgraph's answer to `query` kept to what `query` selected (see `shapeAnswer`). Before any supergraph
   * is known nothing can be checked, so nothing is passed on.
   */
  shape(request: { query?: string; operationName?: string; variables?: Record<string, unknown> }, data: unknown): ShapedAnswer {
    if (!this.schema || !request.query) {
      return { data: null, problems: [{ path: [], reason: "invalid-value", detail: "no supergraph to check the answer against" }], unrequested: 0 };
    }
    return shapeAnswer({ schema: this.schema, document: this.parsed(request.query), operationName: request.operationName, variables: request.variables, data });
  }

  private parsed(query: string): DocumentNode {
    let document = this.documents.get(query);
    if (!document) {
      document = parse(query, { noLocation: true });
      if (this.documents.size >= MAX_DOCUMENTS) this.documents.delete(this.documents.keys().next().value as string);
      this.documents.set(query, document);
    }
    return document;
  }
}
