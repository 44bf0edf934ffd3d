// ESLint (flat config): typescript-eslint's recommended rules, import cycles and the layer boundary.
// Formatting is Prettier's job (eslint-config-prettier turns off the rules that would fight it).
import tseslint from "typescript-eslint";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/.vite-cache/**",
      "test-output/**",
      "coverage/**",
      "data/**",
      "admin/src/gql/**",
      "site/src/gql/**",
    ],
  },
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] })],
    },
    rules: {
      // Zero import cycles anywhere: a cycle makes load order decide what is undefined.
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          caughtErrors: "none",
        },
      ],
      // A module merges its services into core's registry with `interface Loaders extends X {}`.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
      // type-graphql and TypeORM declare classes that merge with interfaces of the same name.
      "@typescript-eslint/no-unsafe-declaration-merging": "off",
    },
  },
  {
    // The lower layer: core/ serves every module and so may import none of them.
    files: ["server/src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/modules/**", "../modules", "../modules/*"],
              message: "core/ is the lower layer: it may not import a module.",
            },
            {
              group: ["../app/**", "../app", "../app.ts", "../schema", "../main", "../cli"],
              message: "core/ may not import the composition root.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and benchmarks read loosely typed JSON answers; `any` there is a reading aid, not a design.
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Plain CommonJS scripts (run by node before any build) load modules with require().
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
