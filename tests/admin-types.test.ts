import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { buildSchema, parse, print, validate } from "graphql";
import { batchDocument } from "../admin/src/data/batch";
import { SnapshotOneDocument } from "../admin/src/gql/graphql";

const root = path.resolve(__dirname, "..");
const schema = buildSchema(fs.readFileSync(path.join(root, "schema", "schema.graphql"), "utf8"));

describe("the admin's generated operation types", () => {
  it("equal what codegen makes from the committed SDL now (run `npm run codegen` after changing either)", () => {
    // The real CLI, as `npm run typecheck` runs it: --check writes nothing and fails on a stale file
    // or on an operation the schema no longer allows.
    const bin = path.join(root, "node_modules", ".bin", "graphql-codegen");
    const run = spawnSync(bin, ["--config", "codegen.ts", "--check"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect({
      status: run.status,
      output: /stale|error|fail/i.test(`${run.stdout}${run.stderr}`) ? `${run.stdout}${run.stderr}` : "",
    }).toEqual({ status: 0, output: "" });
  });
});

describe("batched operations (look-ups of several records)", () => {
  it("repeat the root field per call with its own aliases and variables, and stay valid against the schema", () => {
    const document = parse(`mutation DeleteProgramRef($id: ID!, $version: Int!) {
      record: deleteProgram(id: $id, version: $version) { id version }
    }`);
    const built = batchDocument(document, [
      { id: "1", version: 3 },
      { id: "2", version: 5 },
    ]);
    expect(validate(schema, built.document)).toEqual([]);
    expect(print(built.document)).toBe(
      print(
        parse(`mutation DeleteProgramRefBatch($id_0: ID!, $version_0: Int!, $id_1: ID!, $version_1: Int!) {
          r0: deleteProgram(id: $id_0, version: $version_0) { id version }
          r1: deleteProgram(id: $id_1, version: $version_1) { id version }
        }`),
      ),
    );
    expect(built.variables).toEqual({ id_0: "1", version_0: 3, id_1: "2", version_1: 5 });
    expect(built.kind).toBe("mutation");
    expect([built.indexOf("r1"), built.indexOf("x"), built.indexOf(undefined)]).toEqual([1, -1, -1]);
  });

  it("keep the fragments a query's selection uses", () => {
    const built = batchDocument(SnapshotOneDocument, [{ id: "7" }]);
    expect(validate(schema, built.document)).toEqual([]);
    expect(built.kind).toBe("query");
    expect(print(built.document)).toContain("r0: snapshot(id: $id_0) {\n    ...SnapshotFields");
  });
});
