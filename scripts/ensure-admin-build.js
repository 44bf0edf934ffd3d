#!/usr/bin/env node
/**
 * Builds the admin (admin/dist) when it is missing or older than any of its sources, so that
 * `npm install && npm start` serves a working /admin with no separate step. `npm start` runs it
 * before the server; the browser tests call ensureAdminBuild() too. Concurrent callers (parallel
 * test workers) take turns through a lock directory and re-check before building.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const adminDir = path.join(root, "admin");
const distIndex = path.join(adminDir, "dist", "index.html");
const lockDir = path.join(adminDir, ".build-lock");
const SOURCES = ["src", "index.html", "vite.config.ts", "tsconfig.json"];
const LOCK_STALE_MS = 5 * 60 * 1000;

function newestSourceMtime() {
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
  for (const s of SOURCES) visit(path.join(adminDir, s));
  return newest;
}

/** Why a build is needed, or null when admin/dist is up to date. */
function staleReason() {
  let built;
  try {
    built = fs.statSync(distIndex).mtimeMs;
  } catch {
    return "admin/dist is missing";
  }
  return newestSourceMtime() > built ? "admin/src changed since the last build" : null;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock(work) {
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
      if (Date.now() - started > LOCK_STALE_MS) throw new Error("timed out waiting for another admin build");
      sleep(250);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Builds when needed; returns true when it built. Throws when the build fails. */
function ensureAdminBuild({ quiet = false } = {}) {
  if (!staleReason()) return false;
  return withLock(() => {
    const reason = staleReason();
    if (!reason) return false; // another process built it while we waited
    if (!quiet) console.log(`admin: building the admin panel (${reason})…`);
    const vite = path.join(path.dirname(require.resolve("vite/package.json", { paths: [root] })), "bin", "vite.js");
    const result = spawnSync(
      process.execPath,
      [vite, "build", "--config", path.join(adminDir, "vite.config.ts"), "--logLevel", quiet ? "error" : "warn"],
      {
        cwd: root,
        stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
        env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" },
        encoding: "utf8",
      },
    );
    if (result.status !== 0) {
      const detail = quiet ? `\n${result.stdout ?? ""}${result.stderr ?? ""}` : "";
      throw new Error(`the admin build failed (exit ${result.status}); run npm run admin:build to see why${detail}`);
    }
    if (!quiet) console.log("admin: built admin/dist");
    return true;
  });
}

module.exports = { ensureAdminBuild, staleReason };

if (require.main === module) {
  try {
    ensureAdminBuild();
  } catch (e) {
    console.error(`admin: ${e.message}`);
    process.exit(1);
  }
}
