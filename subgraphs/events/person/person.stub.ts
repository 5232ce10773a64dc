import { KeyStub } from "@agora-hub/subgraph-kit";

/** Key-only stub of `Person`, owned by the people subgraph; this subgraph adds `events` and names the speakers of its events. */
export const Person = KeyStub("Person");
export type Person = InstanceType<typeof Person>;
