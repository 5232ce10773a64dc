#!/usr/bin/env node
// The `agora` CLI's committed entry point: tsc writes dist/ without the execute bit, so package.json's
// `bin` points here (mode 755 in git) rather than into dist/.
"use strict";
let cli;
try {
  cli = require("../dist/gateway/cli/agora.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("dist/gateway/cli/agora.js")) {
    console.error("error: the hub is not built yet; run `npm run build` (or `npm start`) first");
    process.exit(2);
  }
  throw error;
}
cli.runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
