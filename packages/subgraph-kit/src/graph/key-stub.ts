import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

/*
 * A subgraph that adds fields to an entity another subgraph owns declares that entity as a key-only stub:
 * the type with its `@key` and the key fields, nothing else. The gateway sends the stub's representation
 * (`{ __typename, id }`), and with no `__resolveReference` @apollo/subgraph hands it to the resolvers as is,
 * so a stub needs no reference resolver unless it checks or loads something.
 */

/** The GraphQL type of a key field. */
export type KeyFieldType = "ID" | "String" | "Int";

/** The fields of a `@key` by name, in key order: `{ id: "ID" }`, or `{ personId: "ID", network: "String" }`. */
export type KeyFields = Record<string, KeyFieldType>;

/** The values of a key: strings, numbers for `Int` fields. */
export type KeyValues<TFields extends KeyFields> = { -readonly [K in keyof TFields]: TFields[K] extends "Int" ? number : string };

/**
 * A stub instance: its key, and the type name a representation carries (which also keeps TypeScript from
 * taking a `Person` stub for an `Organisation` one).
 */
export type KeyStubInstance<TFields extends KeyFields, TName extends string = string> = KeyValues<TFields> & { readonly __typename?: TName };

/** A key-only stub class made by `KeyStub`. */
export interface KeyStubClass<TFields extends KeyFields, TName extends string = string> {
  new (): KeyStubInstance<TFields, TName>;
  /**
   * A stub instance for a key: a class instance, so type-graphql resolves its fields and a union holding
   * it resolves its type. Called on a class extending the stub, it makes an instance of that class.
   */
  of<T extends KeyStubInstance<TFields, TName>>(this: new () => T, key: KeyValues<TFields>): T;
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const KEY_FIELD_TYPES = { ID, String, Int } as const;

/** Type name and `@key` of each stub class, for the classes that extend it. */
const stubs = new WeakMap<object, { typeName: string; keyDirective: string }>();

/**
 * A key-only stub of the entity `typeName` owned by another subgraph: an object type with `@key` over
 * `key` (default `{ id: "ID" }`) and those fields. Every call makes a new class, as type-graphql keeps the
 * fields a subgraph contributes on the class; to add `@external` fields, extend it with `@ExtendedKeyStub()`.
 */
export function KeyStub<const TName extends string, const TFields extends KeyFields = { id: "ID" }>(
  typeName: TName,
  key?: TFields,
): KeyStubClass<TFields, TName> {
  if (!GRAPHQL_NAME.test(typeName)) throw new Error(`KeyStub: "${typeName}" is not a GraphQL type name`);
  const fields: KeyFields = key ?? { id: "ID" };
  const names = Object.keys(fields);
  if (names.length === 0) throw new Error(`KeyStub(${typeName}): the key needs at least one field`);
  for (const name of names) {
    if (!GRAPHQL_NAME.test(name)) throw new Error(`KeyStub(${typeName}): "${name}" is not a GraphQL field name`);
    if (!Object.hasOwn(KEY_FIELD_TYPES, fields[name])) throw new Error(`KeyStub(${typeName}): ${name} must be ID, String or Int, not ${String(fields[name])}`);
  }

  class Stub {
    static of<T>(this: new () => T, values: Record<string, unknown>): T {
      // Only the key: a representation may carry more than the stub declares.
      return Object.assign(new this() as object, Object.fromEntries(names.map((name) => [name, values[name]]))) as T;
    }
  }
  Object.defineProperty(Stub, "name", { value: typeName });
  for (const name of names) Field(() => KEY_FIELD_TYPES[fields[name]])(Stub.prototype, name);
  const keyDirective = `@key(fields: "${names.join(" ")}")`;
  Directive(keyDirective)(Stub);
  ObjectType(typeName)(Stub);
  stubs.set(Stub, { typeName, keyDirective });
  return Stub as unknown as KeyStubClass<TFields, TName>;
}

/**
 * Declares a class extending `KeyStub(...)` as the GraphQL type of that stub, with the same name and `@key`,
 * so it can add fields: typically `@external` ones the gateway sends for this subgraph's `@requires`.
 */
export function ExtendedKeyStub(): ClassDecorator {
  return (target) => {
    const stub = stubs.get(Object.getPrototypeOf(target) as object);
    if (!stub) throw new Error(`@ExtendedKeyStub(): ${target.name} must extend KeyStub(...) directly`);
    Directive(stub.keyDirective)(target);
    ObjectType(stub.typeName)(target);
  };
}
