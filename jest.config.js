/** Jest runs the TypeScript sources through SWC (with decorator metadata, as tsc emits it). */
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: "es2022",
    },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.tsx?$": swc },
  setupFiles: ["<rootDir>/tests/support/setup.ts"],
  // Generous: the child-process and burst tests share two cores with the other worker; a hang still fails.
  testTimeout: 180000,
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
};
