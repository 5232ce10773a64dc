import { isUuid } from "@agora-hub/runtime";
import { badUserInput } from "./errors";

/** Throws a BAD_USER_INPUT error naming `field` unless `value` is a UUID. */
export function requireUuid(value: string, field = "id"): string {
  if (!isUuid(value)) throw badUserInput({ field, message: `${JSON.stringify(value).slice(0, 80)} is not a valid id (a UUID)` });
  return value;
}
