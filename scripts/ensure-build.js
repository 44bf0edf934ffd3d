#!/usr/bin/env node
/**
 * Builds a browser app of this repository (admin/, site/ or explorer/) into its dist/ when that is missing or
 * older than any of its sources, so that `npm install && npm start` serves working pages with no
 * separate step. `npm start` runs it before the server (`node scripts/ensure-build.js admin site explorer`);
 * the browser tests call ensureBuild() too. Concurrent callers (parallel test workers) take turns
 * through a lock directory per app and re-check before building.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
/** The apps this script knows: their folder, and what they are called in messages. */
const APPS = {
  admin: { label: "the admin panel", script: "admin:build" },
  site: { label: "the public site", script: "site:build" },
  // The explorer's example tabs are read from docs/examples/ at build time.
  explorer: { label: "the GraphQL explorer", script: "explorer:build", extraSources: ["docs/examples"] },
};
/** What a build reads besides src/: a change to any of them makes dist/ stale. */
const SOURCES = ["src", "index.html", "vite.config.ts", "tsconfig.json", "public"];
const LOCK_STALE_MS = 5 * 60 * 1000;

function appOf(name) {
  const app = APPS[name];
  if (!app) throw new Error(`unknown app "${name}" (known: ${Object.keys(APPS).join(", ")})`);
  const dir = path.join(root, name);
  return { ...app, name, dir, distIndex: path.join(dir, "dist", "index.html"), lockDir: path.join(dir, ".build-lock") };
}

function newestSourceMtime(dir, extraSources = []) {
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
  for (const s of SOURCES) visit(path.join(dir, s));
  for (const s of extraSources) visit(path.join(root, s));
  return newest;
}

/** Why `name` needs a build, or null when its dist/ is up to date. */
function staleReason(name) {
  const app = appOf(name);
  let built;
  try {
    built = fs.statSync(app.distIndex).mtimeMs;
  } catch {
    return `${name}/dist is missing`;
  }
  return newestSourceMtime(app.dir, app.extraSources) > built ? `${name}'s sources changed since the last build` : null;
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
      if (Date.now() - started > LOCK_STALE_MS) throw new Error(`timed out waiting for another build of ${lockDir}`);
      sleep(250);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Builds `name` when needed; returns true when it built. Throws when the build fails. */
function ensureBuild(name, { quiet = false } = {}) {
  const app = appOf(name);
  if (!staleReason(name)) return false;
  return withLock(app.lockDir, () => {
    const reason = staleReason(name);
    if (!reason) return false; // another process built it while we waited
    if (!quiet) console.log(`${name}: building ${app.label} (${reason})…`);
    const vite = path.join(path.dirname(require.resolve("vite/package.json", { paths: [root] })), "bin", "vite.js");
    const result = spawnSync(
      process.execPath,
      [vite, "build", "--config", path.join(app.dir, "vite.config.ts"), "--logLevel", quiet ? "error" : "warn"],
      {
        cwd: root,
        stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
        // Always a production bundle: a caller's NODE_ENV (Jest sets "test") would give React's development build.
        env: { ...process.env, NODE_ENV: "production", VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" },
        encoding: "utf8",
      },
    );
    if (result.status !== 0) {
      const detail = quiet ? `\n${result.stdout ?? ""}${result.stderr ?? ""}` : "";
      throw new Error(
        `the ${name} build failed (exit ${result.status}); run npm run ${app.script} to see why${detail}`,
      );
    }
    if (!quiet) console.log(`${name}: built ${name}/dist`);
    return true;
  });
}

module.exports = { ensureBuild, staleReason, APPS };

if (require.main === module) {
  const names = process.argv.slice(2);
  try {
    for (const name of names.length ? names : Object.keys(APPS)) ensureBuild(name);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
