import { KeyStub } from "@agora-hub/subgraph-kit";

/** Key-only stub of `Event`, owned by the events subgraph; this subgraph adds `resources`. */
export const Event = KeyStub("Event");
export type Event = InstanceType<typeof Event>;
