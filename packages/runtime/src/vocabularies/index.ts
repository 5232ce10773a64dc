export * from "./countries";
export * from "./currencies";
export * from "./disciplines";
export * from "./languages";
