import { KeyStub } from "@agora-hub/subgraph-kit";

/** Key-only stub of `Person`, owned by the hub's people subgraph; this subgraph adds `creativeTracksProfile`. */
export const Person = KeyStub("Person");
export type Person = InstanceType<typeof Person>;
