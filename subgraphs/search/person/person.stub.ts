import { KeyStub } from "@agora-hub/subgraph-kit";

/** Key-only stub of `Person`, owned by the people subgraph; the gateway completes search hits from there. */
export const Person = KeyStub("Person");
export type Person = InstanceType<typeof Person>;
