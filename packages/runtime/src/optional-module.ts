/**
 * The error to throw when loading an optional peer dependency failed: when the failure is that one of
 * `packages` is not installed, a message naming what to install and why; otherwise the error itself.
 * The runtime loads such packages only on demand (embedded PostgreSQL, OpenTelemetry), so a partner's
 * deployment does not carry them.
 */
export function optionalModuleError(error: unknown, packages: readonly string[], purpose: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : "";
  const missing = (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND") && packages.some((name) => message.includes(`'${name}'`));
  if (!missing) return error;
  return new Error(`${purpose} needs ${packages.join(", ")}: install ${packages.length > 1 ? "them" : "it"} (npm install ${packages.join(" ")})`, {
    cause: error,
  });
}
