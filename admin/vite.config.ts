import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const adminRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(adminRoot, "..");
/** node_modules may be a symlink (shared checkout): the dev server must be allowed to read its real path. */
const nodeModules = fs.realpathSync(path.join(repoRoot, "node_modules"));
const api = process.env.ADMIN_API_URL ?? "http://localhost:4000";

/** Vendor groups: each changes rarely, so browsers keep them cached across admin releases. */
const vendorGroups: { name: string; test: RegExp; priority: number }[] = [
  {
    name: "vendor-react",
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
    priority: 40,
  },
  {
    name: "vendor-mui",
    test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis)[\\/]/,
    priority: 30,
  },
  {
    name: "vendor-graphql",
    test: /node_modules[\\/](graphql|graphql-tag|@apollo|@wry|optimism|zen-observable)[\\/]/,
    priority: 20,
  },
  {
    name: "vendor-react-admin",
    test: /node_modules[\\/](react-admin|ra-[a-z-]+|react-hook-form|@tanstack|lodash|inflection|date-fns|query-string)[\\/]/,
    priority: 10,
  },
];

export default defineConfig(({ command }) => ({
  root: adminRoot,
  base: "/admin/",
  // Kept inside admin/ so that a shared node_modules is never written to.
  cacheDir: path.join(adminRoot, ".vite-cache"),
  // No @vitejs/plugin-react: Vite 8 transforms TSX itself (oxc) with the automatic JSX runtime.
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
  // Apollo Client keeps development checks and DevTools hints unless told it is a production build.
  define: command === "build" ? { "globalThis.__DEV__": "false" } : {},
  resolve: {
    dedupe: [
      "react",
      "react-dom",
      "react-admin",
      "ra-core",
      "@mui/material",
      "@emotion/react",
      "@apollo/client",
      "graphql",
    ],
  },
  build: {
    outDir: path.join(adminRoot, "dist"),
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // MUI's "use client" directives mean nothing in a client-only bundle.
      onLog(level, log, handler) {
        if (log.code === "MODULE_LEVEL_DIRECTIVE") return;
        handler(level, log);
      },
      output: {
        entryFileNames: "assets/[name]-[hash].js",
        chunkFileNames: "assets/[name]-[hash].js",
        assetFileNames: "assets/[name]-[hash][extname]",
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    port: Number(process.env.ADMIN_DEV_PORT ?? 5173),
    strictPort: false,
    // The dev server serves the admin with hot reload and forwards API calls to the running server.
    proxy: {
      "/graphql": { target: api, changeOrigin: true },
      "/snapshots": { target: api, changeOrigin: true },
    },
    fs: { allow: [repoRoot, nodeModules] },
  },
}));
