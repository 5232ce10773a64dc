import { KeyStub } from "@agora-hub/subgraph-kit";

/** Key-only stub of `Opportunity`, owned by the opportunities subgraph; this subgraph adds `resources`. */
export const Opportunity = KeyStub("Opportunity");
export type Opportunity = InstanceType<typeof Opportunity>;
