import fs from "node:fs";
import path from "node:path";
import { IsOptional, IsPositive } from "class-validator";
import { Field, InputType } from "type-graphql";
import { buildInputLimits, limitsOfClass, printInputLimits } from "../server/src/composition/input-limits";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../server/src/modules/curator/password";

describe("the admin's input limits (admin/src/gql/input-limits.ts)", () => {
  it("equal what the server's input classes enforce (run `npm run limits:emit` after changing a rule)", async () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "admin", "src", "gql", "input-limits.ts"), "utf8");
    expect(committed).toEqual(printInputLimits(await buildInputLimits()));
  });

  it("carry each input's own limits, the fields required on create and the password rule", async () => {
    const limits = await buildInputLimits();
    expect(limits.ProgramInput.slug).toEqual({
      requiredOnCreate: true,
      maxLength: 160,
      patterns: ["^[a-z0-9]+(-[a-z0-9]+)*$"],
    });
    expect(limits.InstitutionInput.slug.maxLength).toBe(120);
    expect(limits.RequirementInput.code.maxLength).toBe(64);
    expect(limits.ProgramInput.durationMonths).toEqual({ integer: true, min: 1, max: 240 });
    // Inherited from RequirementLinkInput, and ProgramRequirementInput's own field beside it.
    expect(Object.keys(limits.ProgramRequirementInput)).toEqual(["level", "minimumScore", "note", "requirementId"]);
    expect(limits.CuratorInput.password).toEqual({
      required: true,
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
    });
    expect(limits.CuratorUpdateInput.password).toEqual({
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
    });
    const onCreate = (type: string) => Object.keys(limits[type]).filter((f) => limits[type][f].requiredOnCreate);
    expect(onCreate("ProgramInput")).toEqual(["audience", "slug", "title", "type"]);
    expect(onCreate("InstitutionInput")).toEqual(["city", "country", "kind", "name", "region", "slug"]);
  });

  it("refuse a rule they cannot describe, so no limit silently stays server-only", () => {
    @InputType()
    class NewRuleInput {
      @Field(() => Number, { nullable: true })
      @IsOptional()
      @IsPositive()
      count?: number | null;
    }
    expect(() => limitsOfClass(NewRuleInput)).toThrow(/NewRuleInput\.count \(@isPositive\)/);
  });
});
