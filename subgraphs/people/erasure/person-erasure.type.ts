import { registerEnumType } from "type-graphql";

export enum PersonErasureStatus {
  ERASED = "ERASED",
  ALREADY_ERASED = "ALREADY_ERASED",
  NOT_FOUND = "NOT_FOUND",
}
registerEnumType(PersonErasureStatus, {
  name: "PersonErasureStatus",
  description: "Outcome of an erasure request; erasing twice is not an error.",
  valuesConfig: {
    ERASED: { description: "The person was erased by this request (always the status in the feed)." },
    ALREADY_ERASED: { description: "The person had been erased before; the earlier erasure is returned." },
    NOT_FOUND: { description: "No person with this id that you may erase; nothing was written." },
  },
});
