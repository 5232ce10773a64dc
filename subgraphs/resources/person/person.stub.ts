import { KeyStub } from "@agora-hub/subgraph-kit";

/** Key-only stub of `Person`, owned by the people subgraph; this subgraph adds `resources` and names the authors of its resources. */
export const Person = KeyStub("Person");
export type Person = InstanceType<typeof Person>;
