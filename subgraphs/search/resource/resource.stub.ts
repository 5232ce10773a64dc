import { KeyStub } from "@agora-hub/subgraph-kit";

/** Key-only stub of `Resource`, owned by the resources subgraph; the gateway completes search hits from there. */
export const Resource = KeyStub("Resource");
export type Resource = InstanceType<typeof Resource>;
