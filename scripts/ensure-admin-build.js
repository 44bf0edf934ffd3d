#!/usr/bin/env node
/** The admin's build check, kept for its callers: scripts/ensure-build.js does the work for every app. */
"use strict";
const { ensureBuild, staleReason } = require("./ensure-build.js");

module.exports = {
  ensureAdminBuild: (options) => ensureBuild("admin", options),
  staleReason: () => staleReason("admin"),
};

if (require.main === module) {
  try {
    ensureBuild("admin");
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
