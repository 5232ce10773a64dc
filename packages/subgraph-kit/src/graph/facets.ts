import { type ClassType, Field, ObjectType } from "type-graphql";
import { ConnectionType, type Page } from "../data/pagination";
import { FACET_EXACT_LIMIT, FACET_LIMIT, FacetCount, type FacetCounter, TOTAL_EXACT_LIMIT } from "../data/search";

/** A list's facets as resolvers see them: one method per dimension, counted by the list's `FacetCounter`. */
export type Facets<TDimension extends string> = { readonly [D in TDimension]: () => Promise<FacetCount[]> };

/** The class `FacetsType` makes: built from the counter of one page, for the same dimensions. */
export type FacetsClass<TDimension extends string> = new (counter: FacetCounter<TDimension>) => Facets<TDimension>;

/** What `FacetsType` needs: the listed items in words, and each dimension's description, in schema order. */
export interface FacetsTypeOptions<TDimension extends string> {
  /** The listed items, plural, for the type's description: "people", "opportunities". */
  items: string;
  /** One field per dimension, named as the `FacetCounter` counts it: `{ countries: "Per country of residence." }`. */
  dimensions: Record<TDimension, string>;
}

/**
 * The GraphQL type `name` of a list's facet counts: one `[FacetCount!]!` field per dimension, in the
 * order given. The dimensions are the keys of the `Record` the service gives `paginateSearchable`,
 * so a dimension the type shows and the service does not count (or the reverse) does not compile.
 */
export function FacetsType<TDimension extends string>(name: string, options: FacetsTypeOptions<TDimension>): FacetsClass<TDimension> {
  @ObjectType(name, {
    description: `How many of the listed ${options.items} (same search and filters, all pages) carry each value; top ${FACET_LIMIT} per dimension.`,
  })
  class FacetsOfList {
    constructor(readonly counter: FacetCounter<TDimension>) {}

    @Field(() => Boolean, {
      description: `True when the list has more items than the subgraph counts exactly (${FACET_EXACT_LIMIT} unless its SEARCH_FACET_EXACT_LIMIT says otherwise): every count is then an estimate, from a sample of about that many of the listed ${options.items} scaled to the whole list, and rare values may be missing. False: every count is exact.`,
    })
    approximate(): Promise<boolean> {
      return this.counter.approximate();
    }
  }
  for (const [dimension, description] of Object.entries<string>(options.dimensions)) {
    const descriptor: PropertyDescriptor = {
      value(this: FacetsOfList): Promise<FacetCount[]> {
        return this.counter.count(dimension as TDimension);
      },
    };
    Object.defineProperty(FacetsOfList.prototype, dimension, descriptor);
    Field(() => [FacetCount], { description })(FacetsOfList.prototype, dimension, descriptor);
  }
  return FacetsOfList as unknown as FacetsClass<TDimension>;
}

/**
 * A connection of `nodeType` (as `ConnectionType`) with a `facets` field of `facetsType` and `totalCountApproximate`,
 * for lists paged by `paginateSearchable`; built from a page without facets (a list nested in another item), `facets`
 * is null and the total exact.
 */
export function SearchableConnectionType<TNode extends object, TDimension extends string>(
  nodeType: ClassType<TNode>,
  nodeName: string,
  facetsType: FacetsClass<TDimension>,
) {
  @ObjectType()
  abstract class SearchableConnection extends ConnectionType(nodeType, nodeName) {
    // Public because declaration files cannot type a class expression's private members; not a GraphQL field.
    readonly facetCounter: FacetCounter<TDimension> | null;
    readonly totalApproximate: (() => Promise<boolean>) | null;

    constructor(page: Page<TNode> & { facets?: FacetCounter<TDimension>; totalApproximate?: () => Promise<boolean> }) {
      super(page);
      this.facetCounter = page.facets ?? null;
      this.totalApproximate = page.totalApproximate ?? null;
    }

    @Field(() => Boolean, {
      description: `True when \`totalCount\` is an estimate: the list has more than ${TOTAL_EXACT_LIMIT} items, and the total is that of a sample of about that many scaled to the whole list (as facets are). False: \`totalCount\` is exact.`,
    })
    totalCountApproximate(): Promise<boolean> | boolean {
      return this.totalApproximate ? this.totalApproximate() : false;
    }

    @Field(() => facetsType, {
      nullable: true,
      description:
        "Value counts of the whole list for filter menus, computed only when asked for; null on lists without facets (lists nested in another item).",
    })
    facets(): Facets<TDimension> | null {
      return this.facetCounter && new facetsType(this.facetCounter);
    }
  }
  return SearchableConnection;
}
