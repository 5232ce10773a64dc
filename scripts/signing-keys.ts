import { createHubTokenSigner, readEnv, rotateSigningKeys, sharedEnvShape, type SigningKeySet } from "@agora-hub/runtime";

/**
 * Prints a key set for AGORA_SIGNING_KEYS on one line: a new Ed25519 key, or with `--rotate` a new signing key
 * followed by the public half of the current one (read from AGORA_SIGNING_KEYS), as a rotation needs.
 *
 *   AGORA_SIGNING_KEYS="$(node dist/scripts/signing-keys.js)"
 *   AGORA_SIGNING_KEYS="$(node dist/scripts/signing-keys.js --rotate)"
 */
function main(argv: string[]): void {
  const rotate = argv.includes("--rotate");
  const unknown = argv.filter((arg) => arg !== "--rotate");
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}; usage: signing-keys [--rotate]`);
  const { AGORA_SIGNING_KEYS: current } = readEnv({ AGORA_SIGNING_KEYS: sharedEnvShape.AGORA_SIGNING_KEYS });
  if (rotate && !current) throw new Error("--rotate needs the current key set in AGORA_SIGNING_KEYS");
  // Validated first, so a rotation never starts from a broken set.
  if (current) createHubTokenSigner({ keys: current });
  const next = rotateSigningKeys(rotate ? (JSON.parse(current!) as SigningKeySet) : undefined);
  process.stdout.write(`${JSON.stringify(next)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
