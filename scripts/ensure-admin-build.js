#!/usr/bin/env node
/** The admin's and the explorer's build checks, kept for their callers: scripts/ensure-build.js does the work for every app. */
"use strict";
const { ensureBuild, staleReason } = require("./ensure-build.js");

module.exports = {
  ensureAdminBuild: (options) => ensureBuild("admin", options),
  ensureExplorerBuild: (options) => ensureBuild("explorer", options),
  staleReason: (app = "admin") => staleReason(app),
};

if (require.main === module) {
  try {
    ensureBuild("admin");
    ensureBuild("explorer");
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
