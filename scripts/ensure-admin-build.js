#!/usr/bin/env node
/**
 * Builds each browser app (the admin, admin/dist; the GraphQL explorer, explorer/dist) when it is
 * missing or older than any of its sources, so that `npm install && npm start` serves a working
 * /admin and /graphql explorer with no separate step. `npm start` runs it before the server; the
 * browser tests call ensureAdminBuild() and ensureExplorerBuild() too. Concurrent callers (parallel
 * test workers) take turns through a lock directory per app and re-check before building.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const APP_FILES = ["src", "index.html", "vite.config.ts", "tsconfig.json"];
/** Each app: its folder (with vite.config.ts, building into dist/) and its sources, from the repository root. */
const APPS = {
  admin: { title: "the admin panel", sources: APP_FILES.map((f) => `admin/${f}`) },
  // The explorer's example tabs are read from docs/examples/ at build time.
  explorer: { title: "the GraphQL explorer", sources: [...APP_FILES.map((f) => `explorer/${f}`), "docs/examples"] },
};
const LOCK_STALE_MS = 5 * 60 * 1000;

function newestSourceMtime(app) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const s of APPS[app].sources) visit(path.join(root, s));
  return newest;
}

/** Why `app` needs a build, or null when its dist/ is up to date. */
function staleReason(app = "admin") {
  let built;
  try {
    built = fs.statSync(path.join(root, app, "dist", "index.html")).mtimeMs;
  } catch {
    return `${app}/dist is missing`;
  }
  return newestSourceMtime(app) > built ? "its sources changed since the last build" : null;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock(lockDir, work) {
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      try {
        if (Date.now() - fs.statSync(lockDir).mtimeMs > LOCK_STALE_MS)
          fs.rmSync(lockDir, { recursive: true, force: true });
      } catch {
        // the holder just released it
      }
      if (Date.now() - started > LOCK_STALE_MS) throw new Error(`timed out waiting for another build (${lockDir})`);
      sleep(250);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Builds `app` when needed; returns true when it built. Throws when the build fails. */
function ensureBuild(app, { quiet = false } = {}) {
  if (!staleReason(app)) return false;
  return withLock(path.join(root, app, ".build-lock"), () => {
    const reason = staleReason(app);
    if (!reason) return false; // another process built it while we waited
    if (!quiet) console.log(`${app}: building ${APPS[app].title} (${reason})…`);
    const vite = path.join(path.dirname(require.resolve("vite/package.json", { paths: [root] })), "bin", "vite.js");
    const result = spawnSync(
      process.execPath,
      [vite, "build", "--config", path.join(root, app, "vite.config.ts"), "--logLevel", quiet ? "error" : "warn"],
      {
        cwd: root,
        stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
        env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" },
        encoding: "utf8",
      },
    );
    if (result.status !== 0) {
      const detail = quiet ? `\n${result.stdout ?? ""}${result.stderr ?? ""}` : "";
      throw new Error(`the ${app} build failed (exit ${result.status}); run npm run ${app}:build to see why${detail}`);
    }
    if (!quiet) console.log(`${app}: built ${app}/dist`);
    return true;
  });
}

const ensureAdminBuild = (options) => ensureBuild("admin", options);
const ensureExplorerBuild = (options) => ensureBuild("explorer", options);

module.exports = { ensureBuild, ensureAdminBuild, ensureExplorerBuild, staleReason };

if (require.main === module) {
  for (const app of Object.keys(APPS)) {
    try {
      ensureBuild(app);
    } catch (e) {
      console.error(`${app}: ${e.message}`);
      process.exit(1);
    }
  }
}
