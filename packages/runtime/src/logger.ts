import pino from "pino";

/** The process-wide structured logger; LOG_LEVEL picks the level (default info, silent under tests). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? "silent" : "info"),
  base: { service: "agora-hub" },
});
