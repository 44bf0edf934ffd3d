import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const siteRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(siteRoot, "..");
/** node_modules may be a symlink (shared checkout): the dev server must be allowed to read its real path. */
const nodeModules = fs.realpathSync(path.join(repoRoot, "node_modules"));
const api = process.env.SITE_API_URL ?? "http://localhost:4000";

/**
 * The public site: React without a component library (plain CSS), so that a cold load of the
 * search page stays small. React itself is its own chunk (it changes less often than the site);
 * every page but the search is loaded when first opened.
 */
/**
 * react-router's package exports name only its development build (warnings and checks included);
 * a production build of the site takes the production one that ships beside it.
 */
const reactRouterProduction = path.join(nodeModules, "react-router", "dist", "production", "index.mjs");

export default defineConfig(({ command }) => ({
  root: siteRoot,
  base: "/",
  // Kept inside site/ so that a shared node_modules is never written to.
  cacheDir: path.join(siteRoot, ".vite-cache"),
  // No @vitejs/plugin-react: Vite 8 transforms TSX itself (oxc) with the automatic JSX runtime.
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
  resolve: {
    dedupe: ["react", "react-dom"],
    alias: command === "build" ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  build: {
    outDir: path.join(siteRoot, "dist"),
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    // No inline <style> or data: URLs: the site's Content-Security-Policy allows neither for styles.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // react-router's "use client" directives mean nothing in a client-only bundle.
      onLog(level, log, handler) {
        if (log.code === "MODULE_LEVEL_DIRECTIVE") return;
        handler(level, log);
      },
      output: {
        entryFileNames: "assets/[name]-[hash].js",
        chunkFileNames: "assets/[name]-[hash].js",
        assetFileNames: "assets/[name]-[hash][extname]",
        codeSplitting: {
          groups: [
            {
              name: "vendor-react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    port: Number(process.env.SITE_DEV_PORT ?? 5174),
    strictPort: false,
    // The dev server serves the site with hot reload and forwards API calls to the running server.
    proxy: { "/graphql": { target: api, changeOrigin: true } },
    fs: { allow: [repoRoot, nodeModules] },
  },
}));
