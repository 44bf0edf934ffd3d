import fs from "node:fs";
import path from "node:path";

/**
 * Where a browser app of the repository (`admin`, `explorer`) is built by Vite: `<app>/dist` at the
 * repository root, found from server/src/core (ts-node, Jest) or dist/server/src/core (compiled) as the
 * first ancestor holding the app's folder.
 */
export function builtAppDist(app: string): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, app, "vite.config.ts")) || fs.existsSync(path.join(dir, app, "dist"))) {
      return path.join(dir, app, "dist");
    }
    dir = path.dirname(dir);
  }
  return path.resolve(process.cwd(), app, "dist");
}
