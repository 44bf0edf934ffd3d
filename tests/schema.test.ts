import fs from "node:fs";
import path from "node:path";
import { buildDirectorySchema, printDirectorySchema } from "../server/src/composition/schema";

describe("committed SDL", () => {
  it("equals the schema the server builds (run `npm run schema:emit` after changing types)", async () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "schema", "schema.graphql"), "utf8");
    const built = printDirectorySchema(await buildDirectorySchema());
    expect(committed).toEqual(built);
  });
});

describe("types with simple resolvers", () => {
  // `simpleResolvers: true` resolves plain fields as property reads, skipping type-graphql's
  // middleware chain, where @Authorized is enforced: a field with roles there would be public.
  it("have no field with roles or middlewares, and no field renamed from its property", async () => {
    await buildDirectorySchema();
    const { getMetadataStorage } = await import("type-graphql");
    const storage = getMetadataStorage();
    const simple = storage.objectTypes.filter((t) => t.simpleResolvers);
    expect(simple.map((t) => t.name)).toEqual(
      expect.arrayContaining(["Program", "Institution", "Requirement", "ProgramRequirement"]),
    );
    const guarded = (target: object, field: string) =>
      storage.authorizedFields.some((a) => a.target === target && a.fieldName === field) ||
      storage.middlewares.some((m) => m.target === target && m.fieldName === field);
    const offending = simple.flatMap((t) =>
      (t.fields ?? [])
        .filter((f) => guarded(f.target, f.name) || f.name !== f.schemaName)
        .map((f) => `${t.name}.${f.schemaName}`),
    );
    expect(offending).toEqual([]);
    // …and the one type that does guard fields is not simple, and the check can see its guards.
    const curator = storage.objectTypes.find((t) => t.name === "Curator")!;
    expect(curator.simpleResolvers).toBeFalsy();
    expect(guarded(curator.target, "email")).toBe(true);
  });
});
