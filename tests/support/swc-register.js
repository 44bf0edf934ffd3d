/**
 * Lets a child `node` process run the TypeScript sources directly (as Jest does, with the same SWC
 * options), so browser tests can drive the real CLI without compiling dist/ first.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const swc = require("@swc/core");
const jestConfig = require(path.join(__dirname, "..", "..", "jest.config.js"));

const [, options] = Object.values(jestConfig.transform)[0];

require.extensions[".ts"] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { code } = swc.transformSync(source, { ...options, filename, swcrc: false, configFile: false });
  module._compile(code, filename);
};
