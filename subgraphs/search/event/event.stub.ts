import { KeyStub } from "@agora-hub/subgraph-kit";

/** Key-only stub of `Event`, owned by the events subgraph; the gateway completes search hits from there. */
export const Event = KeyStub("Event");
export type Event = InstanceType<typeof Event>;
