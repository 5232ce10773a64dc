import type { PartnerRegistry } from "../../registry/registry.service";
import type { GatewayConfig } from "../config";
import { rateBudgetOf } from "../viewer";
import { type AdmissionControl, createAdmissionControl } from "./admission-control";
import { createProtection, type Protection } from "./protection";

/** Everything that guards the gateway's routes: the request protections and admission control. */
export interface GatewayProtection {
  protection: Protection;
  /** Past its concurrency and queue the gateway answers 503 at once, rather than slowing every request down. */
  admission: AdmissionControl;
  close: () => Promise<void>;
}

/** Opens the gateway's protections; a valid API key draws on its network's budget, anything else on the client IP's. */
export async function openGatewayProtection(config: GatewayConfig, registry: PartnerRegistry | null): Promise<GatewayProtection> {
  const protection = await createProtection(config.protection, {
    production: config.production,
    budgetOf: (token) => rateBudgetOf(token, { registry, adminToken: config.adminToken }),
  });
  return { protection, admission: createAdmissionControl(config.overload), close: () => protection.close() };
}
