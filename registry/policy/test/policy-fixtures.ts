import { parse } from "graphql";
import { networkPrefixes } from "../namespaces";
import { eachType, type PolicyContext, type PolicyProblem, type PolicySubject, policySubject, type TypeRule } from "../policy-subject";

/** A small core graph: one entity per core subgraph, a shared value type, an enum, an input and an object type only one subgraph defines. */
export const CORE_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
type Query { person(id: ID!): Person }
type Person @key(fields: "id") { id: ID!  displayName: String!  contactEmail: String  country: CountryCode  home: Place }
type Place { city: String }
type PageInfo @shareable { hasNextPage: Boolean!  endCursor: String }
enum CountryCode { FR MA }
input PeopleFilter { countries: [CountryCode!]  text: String }
scalar DateTimeISO
`;

/** The federation header a partner SDL starts with. */
export const HEADER =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@override"])';

/** The shared subject of a partner SDL made of {@link HEADER} and `definitions`, for network `creative-tracks` unless overridden. */
export function subjectOf(definitions: string, overrides: Partial<PolicyContext> = {}): PolicySubject {
  const context: PolicyContext = { network: "creative-tracks", coreSdls: [CORE_SDL], otherPartners: [], ...overrides };
  return policySubject(parse(`${HEADER}\n${definitions}`), networkPrefixes(context.network), context);
}

/** A type rule's problems over every type of the subject, as the policy runs it. */
export function typeRuleProblems(rule: TypeRule, subject: PolicySubject): PolicyProblem[] {
  return eachType(rule.name, [rule]).check(subject);
}

/** Code and coordinate of each problem, for comparing without the messages. */
export function located(problems: PolicyProblem[]): Array<{ code: string; coordinate: string }> {
  return problems.map(({ code, coordinate }) => ({ code, coordinate }));
}
