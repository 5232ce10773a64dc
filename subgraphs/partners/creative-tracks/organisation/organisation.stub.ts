import { KeyStub } from "@agora-hub/subgraph-kit";

/** Key-only stub of `Organisation`, owned by the hub's organisations subgraph; this subgraph adds `creativeTracksLabs`. */
export const Organisation = KeyStub("Organisation");
export type Organisation = InstanceType<typeof Organisation>;
