import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const explorerRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(explorerRoot, "..");
/** node_modules may be a symlink (shared checkout): the dev server must be allowed to read its real path. */
const nodeModules = fs.realpathSync(path.join(repoRoot, "node_modules"));
const api = process.env.EXPLORER_API_URL ?? "http://localhost:4000";

/**
 * The GraphQL explorer (GraphiQL) served at /graphql to browsers. Its page is /graphql itself (the
 * server sends explorer/dist/index.html there); its scripts, styles and Monaco's workers are
 * same-origin files under /explorer/assets/. The example tabs come from docs/examples/.
 */
export default defineConfig({
  root: explorerRoot,
  base: "/explorer/",
  // Kept inside explorer/ so that a shared node_modules is never written to.
  cacheDir: path.join(explorerRoot, ".vite-cache"),
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
  resolve: { dedupe: ["react", "react-dom", "graphql"] },
  // Monaco's workers import modules of their own: ES module workers keep them code-split.
  worker: { format: "es" },
  // The dev server's pre-bundling cannot follow `?worker` imports: GraphiQL's worker set-up is served as is.
  optimizeDeps: { exclude: ["graphiql/setup-workers/vite", "@graphiql/react/setup-workers/vite"] },
  build: {
    outDir: path.join(explorerRoot, "dist"),
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    // Monaco (the editor) is most of the bundle and changes only with GraphiQL; it is one chunk on purpose.
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      onLog(level, log, handler) {
        if (log.code === "MODULE_LEVEL_DIRECTIVE") return;
        handler(level, log);
      },
      output: {
        entryFileNames: "assets/[name]-[hash].js",
        chunkFileNames: "assets/[name]-[hash].js",
        assetFileNames: "assets/[name]-[hash][extname]",
      },
    },
  },
  server: {
    port: Number(process.env.EXPLORER_DEV_PORT ?? 5174),
    strictPort: false,
    proxy: { "/graphql": { target: api, changeOrigin: true } },
    fs: { allow: [repoRoot, nodeModules] },
  },
});
