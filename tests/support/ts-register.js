/**
 * Lets a child `node` process run the TypeScript sources directly (for crash and shutdown tests),
 * compiling each file with SWC exactly as Jest does: no build step needed.
 */
const fs = require("node:fs");
const swc = require("@swc/core");

require.extensions[".ts"] = function compileTs(module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: "es2022",
    },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  });
  module._compile(code, filename);
};
