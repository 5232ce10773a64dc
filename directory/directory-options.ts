import type { Request, Response } from "express";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import type { DirectoryNetwork } from "./pages/networks.page";

/** Runs one GraphQL operation through the hub's public API with the visitor's rights (anonymous). */
export type DirectoryOperation = (
  query: string,
  variables: Record<string, unknown>,
  /** `client`: the visitor's pseudonym, given only to operations limited per client (reports). */
  request: { languages: string[]; requestId: string; client?: string },
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;

/** What the directory is built from. */
export interface DirectoryOptions {
  run: DirectoryOperation;
  /** The hub's public base URL, for canonical links. */
  hubUrl: string;
  /** The visitor's Accept-Language tags, in order. */
  languagesOf: (req: Request) => string[];
  requestIdOf: (req: Request, res: Response) => string;
  /** The API schema the hub serves now: the vocabularies' values for menus and checks. */
  schemaOf: () => GraphQLSchema | undefined;
  /**
   * The visitor's daily pseudonym (the one GraphQL requests get, from the same instance), for the limit on reports
   * per client; undefined when the hub cannot tell (then the moderation subgraph counts such reports together).
   */
  clientOf?: (req: Request) => string | undefined;
  /** The connected networks' public facts; absent when the hub has no partner registry. */
  networks?: () => Promise<DirectoryNetwork[]>;
}
