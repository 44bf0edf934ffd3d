import type { CodegenConfig } from "@graphql-codegen/cli";

const scalarConfig = {
  enumsAsTypes: true,
  useTypeImports: true,
  strictScalars: true,
  scalars: { DateTimeISO: "string", LocalDate: "string", JSON: "unknown", SafeInt: "number" },
};

/**
 * GraphQL operations checked against the committed SDL and typed: a server change that breaks
 * one fails `npm run codegen` (and so `npm run typecheck`), and one that changes a type an app
 * uses fails `tsc -p admin` or `tsc -p site`.
 * - the admin's (admin/src/data/operations/*.graphql): typed document nodes for Apollo Client;
 * - the public site's (site/src/operations/*.graphql): typed document strings, each with its
 *   SHA-256 (`__meta__.hash`), so the site sends GET requests naming a persisted query by hash,
 *   as any outside frontend can (docs/SITE.md); persisted-documents.json lists them.
 */
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  generates: {
    "admin/src/gql/graphql.ts": {
      documents: "admin/src/data/operations/*.graphql",
      plugins: ["typescript-operations", "typed-document-node"],
      config: { ...scalarConfig, dedupeFragments: true },
    },
    "site/src/gql/": {
      documents: "site/src/operations/*.graphql",
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: "replaceDocumentWithHash", hashAlgorithm: "sha256" },
      },
      config: { ...scalarConfig, documentMode: "string" },
    },
  },
};

export default config;
