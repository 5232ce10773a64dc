/**
 * The Agora Hub subgraph kit: what a network needs to build a Federation 2 subgraph of the hub on
 * PostgreSQL — schema from type-graphql, server, data source and migrations, loaders, pagination,
 * multilingual text, the shared vocabularies and graph types, errors and validation, the viewer.
 * Test helpers are in `@agora-hub/subgraph-kit/testing`. Everything else is the kit's own business
 * (or the hub's, in `@agora-hub/runtime`); README.md walks through this list by area.
 */

// The subgraph: its definition and per-request context.
export {
  type AnySubgraphDefinition,
  type BackgroundContext,
  combineBackground,
  type EntityRepresentation,
  type FederationLink,
  type ReferenceResolver,
  DEMO_SIZES,
  type SeedSizes,
  type SubgraphContext,
  type SubgraphDefinition,
} from "./subgraph";

// Schema: type-graphql to Federation 2, and the shared types as SDL.
export { buildSubgraphSchema, FEDERATION_IMPORTS, FEDERATION_SPEC_URL, printSchemaExtension } from "./schema/build-subgraph-schema";
export { printSharedTypes, SHARED_TYPE_NAMES } from "./schema/shared-types";

// Server: run a subgraph as a process, or start one in-process.
export { isSubgraphEmpty, runSubgraph, seedSubgraph, startSubgraph, type StartedSubgraph } from "./server/run-subgraph";
export { listenSubgraph, type RunningSubgraph, type SubgraphIngressOptions, type SubgraphServerOptions } from "./server/subgraph-server";
export { reportPartialError } from "./server/partial-errors";

// Data: loaders, keyset pagination, search and facets, SQL helpers.
export { createByIdLoader, createChildrenPageLoader, createIdsByParentLoader, type ChildrenPageKey, type ChildrenSource } from "./data/loaders";
export { ConnectionType, type KeysetOrder, type Page, PageArgs, PageInfo, type PageWindow, paginate, type SortValueType } from "./data/pagination";
export {
  chooseOrder,
  FacetCount,
  FACET_EXACT_LIMIT,
  FacetCounter,
  facetExactLimitOf,
  type FacetDimension,
  installSearchSupport,
  type ListTotal,
  normaliseSearch,
  paginateSearchable,
  readSearchableListSettings,
  RELEVANCE,
  SEARCH_MAX_LENGTH,
  SEARCH_MIN_LENGTH,
  type SearchableListSettings,
  type SearchablePage,
  type SearchableTable,
  SearchMatch,
  TOTAL_EXACT_LIMIT,
} from "./data/search";
export { escapeLike, isForeignKeyViolation, isUniqueViolation, unique } from "./data/sql";
export { bulkInsert } from "./data/bulk-insert";

// Graph types shared by every subgraph: multilingual text, vocabularies, network records, shared enums.
export {
  LocalizedText,
  type LocalizedTextData,
  LocalizedTextColumn,
  LocalizedTextInput,
  toLocalizedText,
  Translation,
  TranslationInput,
} from "./graph/localized-text";
export { CountryCode, CurrencyCode, Discipline, LanguageTag, LocalDate, WebUrl } from "./graph/vocabulary.types";
export { CareerStage, EventFormat, OpportunityStatus, OpportunityType, OrganisationKind, ResourceKind, SearchHitType } from "./graph/shared-enums.types";
export { NetworkRecord, withNetworkSource } from "./graph/network-record";
export { isModerated, ModeratedRecord, publishedSince, withPublicationDraft } from "./moderation/moderated-record";
export { PublicationDecision } from "./moderation/publication-decision.entity";
export {
  archiveExpired,
  DEFAULT_EXPIRY_INTERVAL_MS,
  EXPIRING_STATES,
  EXPIRY_ACTOR,
  EXPIRY_BATCH_SIZE,
  expireRecords,
  type ExpiryRule,
  type ExpiryRun,
  type ExpirySettings,
  expiryLockName,
  expirySettingsOf,
  readExpirySettings,
  startExpiry,
} from "./moderation/expiry";
export { PublicationPageArgs } from "./moderation/publication-list-args";
export { publicationMigration } from "./moderation/publication-migration";
export { createPublicationResolver } from "./moderation/publication.resolver";
export {
  changePublication,
  initialPublicationState,
  MAX_REASON_LENGTH,
  type PublicationActor,
  publicationHistory,
  recordPublicationDecision,
  stateAfterChange,
} from "./moderation/publication.service";
export { PUBLIC_STATES, PublicationAction, PublicationActorKind, PublicationChange, PublicationState } from "./moderation/publication-state";
export {
  applyPublicationFilter,
  canReadRecord,
  publicationCondition,
  type PublicationListRequest,
  publishedOnly,
  readableBy,
} from "./moderation/publication-visibility";
export * from "./graph/directory-filter";

// Input: errors and validation.
export { badUserInput, type FieldViolation, notFound, Violations } from "./input/errors";
export { requireUuid } from "./input/ids";

// Identity: who is asking (`context.viewer`), and what they may write.
export { requireRecordWriter, requireWriter, unauthenticated, writableBy, type WritingViewer } from "./access/authorisation";
export * from "./identity/hub-token-verifier";
export * from "./identity/replay-guard";

// Writing network records: authorise, validate, check references, lock, save, map unique violations.
export * from "./data/network-records";

// The change feed: each change of a record in its subgraph's outbox (`record_change`), for the alerts to claim.
export * from "./changes/record-change";
export * from "./changes/change-dimensions";

// Migrations of kit features.
export * from "./data/migration";
export * from "./data/search-migration";

// Shapes shared by lists and entities: key stubs, filters, facets, list arguments.
export * from "./graph/key-stub";
export * from "./graph/facets";
export * from "./graph/searchable-list-args";
export * from "./graph/list-selection";

// Calling peer subgraphs (core subgraphs only: partners have no peers), and checking the references a write stores.
export * from "./peers/peer-client";
export * from "./peers/peer-subgraphs";
export * from "./peers/reference-check";
export { ANONYMOUS, logger, OPERATOR, type Viewer } from "@agora-hub/runtime";

// The controlled vocabularies behind the graph's enums (UNESCO FCS disciplines, ISO 3166-1, ISO 4217, BCP 47), and reading settings.
export {
  baseLanguage,
  canonicalLanguageTag,
  COUNTRIES,
  COUNTRY_GROUPS,
  CURRENCIES,
  DISCIPLINE_DOMAINS,
  DISCIPLINE_PRACTICES,
  DISCIPLINES,
  type DisciplineCode,
  type DisciplinePractice,
  expandDisciplines,
  isUuid,
  readEnv,
} from "@agora-hub/runtime";
