import "reflect-metadata";
import type { GraphQLObjectType } from "graphql";
import { buildDirectorySchema } from "../server/src/composition/schema";
import { isDirectResolver } from "../server/src/core/direct-field-resolvers";
import { Program } from "../server/src/modules/program/program.entity";

/** Which field resolvers skip type-graphql's per-call handler (core/direct-field-resolvers.ts). */
describe("direct field resolvers", () => {
  const fieldOf = async (type: string, field: string) =>
    ((await buildDirectorySchema()).getType(type) as GraphQLObjectType).getFields()[field];

  it("calls root/context/info field resolvers directly: relations and translated text of the page", async () => {
    for (const [type, field] of [
      ["Program", "institution"],
      ["Program", "specialties"],
      ["Program", "requirements"],
      ["Program", "title"],
      ["ProgramRequirement", "requirement"],
      ["Requirement", "name"],
      ["Institution", "name"],
    ])
      expect([type, field, isDirectResolver((await fieldOf(type, field)).resolve)]).toEqual([type, field, true]);
  });

  it("keeps type-graphql's handler for resolvers with arguments (converted and validated)", async () => {
    expect(isDirectResolver((await fieldOf("Institution", "programs")).resolve)).toBe(false);
    expect(isDirectResolver((await fieldOf("Query", "programs")).resolve)).toBe(false);
  });

  it("answers as type-graphql's handler does, for an entity and for a plain object it would convert", async () => {
    const resolve = (await fieldOf("Program", "applicationOpensAt")).resolve!;
    const entity = Object.assign(new Program(), { applicationOpensOn: "2026-03-01" });
    const plain = { applicationOpensOn: "2026-03-01" };
    const info = {} as never;
    expect(resolve(entity, {}, {}, info)).toEqual(new Date("2026-03-01T12:00:00.000Z"));
    expect(resolve(plain, {}, {}, info)).toEqual(new Date("2026-03-01T12:00:00.000Z"));
    const institution = (await fieldOf("Program", "institution")).resolve!;
    expect(institution(Object.assign(new Program(), { institutionId: null }), {}, {}, info)).toBeNull();
  });
});
