import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * The admin's GraphQL operations (admin/src/data/operations/*.graphql), checked against the
 * committed SDL and typed: a server change that breaks one fails `npm run codegen` (and so
 * `npm run typecheck`), and one that changes a type the admin uses fails `tsc -p admin`.
 */
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: "admin/src/data/operations/*.graphql",
  generates: {
    "admin/src/gql/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTimeISO: "string", LocalDate: "string", JSON: "unknown", SafeInt: "number" },
        dedupeFragments: true,
      },
    },
  },
};

export default config;
