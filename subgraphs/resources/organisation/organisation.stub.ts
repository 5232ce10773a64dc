import { KeyStub } from "@agora-hub/subgraph-kit";

/** Key-only stub of `Organisation`, owned by the organisations subgraph; this subgraph adds `resources`. */
export const Organisation = KeyStub("Organisation");
export type Organisation = InstanceType<typeof Organisation>;
