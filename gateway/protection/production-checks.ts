/** The secrets a production gateway must have, with their minimum length. */
const REQUIRED_SECRETS: Array<{ name: string; minLength: number; purpose: string }> = [
  { name: "AGORA_ADMIN_TOKEN", minLength: 24, purpose: "the operator's token for /admin/" },
  {
    name: "AGORA_SIGNING_KEYS",
    minLength: 1,
    purpose: "the hub's private key set (a JWKS) that signs every subgraph request; `node dist/scripts/signing-keys.js` makes one",
  },
];

/** What is missing or too weak among the production secrets; empty when all is well. */
export function productionSecretProblems(env: NodeJS.ProcessEnv): string[] {
  return REQUIRED_SECRETS.flatMap(({ name, minLength, purpose }) => {
    const value = env[name];
    if (!value) return [`${name}: not set (${purpose}${minLength > 1 ? `; at least ${minLength} characters` : ""})`];
    if (value.length < minLength) return [`${name}: must be at least ${minLength} characters (${purpose})`];
    return [];
  });
}

/** Stops a production gateway from starting without its secrets, listing every one that is missing. */
export function assertProductionSecrets(env: NodeJS.ProcessEnv): void {
  if (env.NODE_ENV !== "production") return;
  const problems = productionSecretProblems(env);
  if (problems.length > 0) {
    throw new Error(`The gateway refuses to start in production without its secrets:\n  ${problems.join("\n  ")}`);
  }
}
