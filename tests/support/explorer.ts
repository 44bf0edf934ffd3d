import path from "node:path";

const root = path.resolve(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script, run by node before any build
const { ensureExplorerBuild } = require(path.join(root, "scripts", "ensure-admin-build.js")) as {
  ensureExplorerBuild(o?: { quiet?: boolean }): boolean;
};

/** Builds the GraphQL explorer when explorer/dist is missing or stale (shared with `npm start`). */
export function buildExplorer(): void {
  ensureExplorerBuild({ quiet: true });
}
