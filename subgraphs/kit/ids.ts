import { badUserInput } from "./errors";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed UUID, the shape of every entity id in the hub. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}

/** Throws a BAD_USER_INPUT error naming `field` unless `value` is a UUID. */
export function requireUuid(value: string, field = "id"): string {
  if (!isUuid(value)) throw badUserInput({ field, message: `${JSON.stringify(value).slice(0, 80)} is not a valid id (a UUID)` });
  return value;
}
