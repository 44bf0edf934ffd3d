import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate, type OperationDefinitionNode } from "graphql";
import { exampleTab } from "../../explorer/src/example-file";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { createTestServer, type ListeningTestServer } from "../support/server";

const root = path.resolve(__dirname, "..", "..");
const examplesDir = path.join(root, "docs", "examples");
const examples = fs
  .readdirSync(examplesDir)
  .filter((f) => f.endsWith(".graphql"))
  .sort()
  .map((file) => ({ file, ...exampleTab(fs.readFileSync(path.join(examplesDir, file), "utf8")) }));

/** The operation without its comment lines: what docs/API.md shows. */
const operationText = (query: string) =>
  query
    .split("\n")
    .filter((line) => !line.startsWith("#"))
    .join("\n")
    .trim();

describe("the example operations (docs/examples/, the explorer's tabs)", () => {
  let server: ListeningTestServer;
  let base: string;
  beforeAll(async () => {
    server = await createTestServer();
    await seedSampleDirectory(server.ds);
    base = await server.listen();
  });
  afterAll(() => server?.close());

  it("are the six read operations the API guide shows", () => {
    expect(examples.map((e) => e.file)).toEqual([
      "01-programs.graphql",
      "02-search-page.graphql",
      "03-sidebar.graphql",
      "04-program-page.graphql",
      "05-eligibility.graphql",
      "06-changes-since.graphql",
    ]);
  });

  it("are each one named query, valid against the committed SDL, with variables that are JSON", () => {
    const schema = buildSchema(fs.readFileSync(path.join(root, "schema", "schema.graphql"), "utf8"));
    for (const example of examples) {
      const document = parse(example.query);
      expect({ file: example.file, errors: validate(schema, document).map((e) => e.message) }).toEqual({
        file: example.file,
        errors: [],
      });
      const operations = document.definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
      );
      expect(operations).toHaveLength(1);
      expect(operations[0].operation).toBe("query");
      expect(operations[0].name?.value).toBeTruthy();
      // The variables line is read out of the operation, not left in it as a comment.
      expect(example.query).not.toMatch(/Variables:/);
      if (example.variables !== null) expect(typeof JSON.parse(example.variables)).toBe("object");
    }
  });

  it("answer data without errors from the sample directory, run as the explorer runs them (POST /graphql)", async () => {
    for (const example of examples) {
      const res = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: example.query, variables: JSON.parse(example.variables ?? "{}") }),
      });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      expect({ file: example.file, status: res.status, errors: body.errors }).toEqual({
        file: example.file,
        status: 200,
        errors: undefined,
      });
      // Each root field answers something: a program page's slug names a real sample program.
      for (const value of Object.values(body.data ?? {})) expect(value).not.toBeNull();
    }
    const search = exampleTab(fs.readFileSync(path.join(examplesDir, "02-search-page.graphql"), "utf8"));
    const found = await server.exec(search.query, JSON.parse(search.variables!));
    expect(found.data?.programs.totalCount).toBeGreaterThan(0);
  });

  it("are shown word for word in docs/API.md, so the guide and the explorer cannot drift apart", () => {
    const guide = fs.readFileSync(path.join(root, "docs", "API.md"), "utf8");
    for (const example of examples) {
      expect({ file: example.file, inGuide: guide.includes(operationText(example.query)) }).toEqual({
        file: example.file,
        inGuide: true,
      });
    }
  });
});
