import { getArgumentValues } from "graphql/execution/values";
import { isObjectType, type FieldNode, type GraphQLResolveInfo } from "graphql";
import type { Context } from "../../core/context";
import { MAX_PAGE_SIZE } from "../../core/connection";
import { fieldValueKeeper } from "../../core/kept-field-values";
import { columnsFor, requestedFields, subtree } from "../../core/field-selection";
import { PROGRAM_COLUMNS, Program } from "../program/program.entity";
import { nestedProgramPages } from "../program/program.nested-pages";
import type { InstitutionProgramsArgs } from "./institution.args";
import type { Institution } from "./institution.entity";
import type { InstitutionRowsWith } from "./institution.service";

const keepPrograms = fieldValueKeeper<Institution>("Institution", "programs");

/** The single field named `name` in a selection, or null (none, several, or behind a fragment). */
function onlyField(node: FieldNode | null, name: string): FieldNode | null {
  const selections = node?.selectionSet?.selections ?? [];
  if (selections.some((s) => s.kind !== "Field")) return null;
  const found = selections.filter((s): s is FieldNode => s.kind === "Field" && s.name.value === name);
  return found.length === 1 ? found[0] : null;
}

/**
 * For `institutions(…) { edges { node { programs(…) } } }`: each institution's page of programs
 * read in the institutions' statement (program.nested-pages.ts) and kept as the answer of its
 * `Institution.programs` (core/kept-field-values.ts), so the field runs no statement, nor its
 * resolver (the page was read for the same arguments and columns).
 * Null, and the field reads its pages as before, whenever that cannot be done exactly: programs
 * asked more than once or through fragments, arguments out of range (the field's validation then
 * answers), or pages JSON cannot carry as the driver does.
 */
export function institutionsWithPrograms(ctx: Context, info: GraphQLResolveInfo): InstitutionRowsWith | undefined {
  if (info.fieldNodes.length !== 1) return undefined;
  const node = onlyField(onlyField(info.fieldNodes[0], "edges"), "node");
  const programs = onlyField(node, "programs");
  const institutionType = info.schema.getType("Institution");
  if (!programs || !isObjectType(institutionType)) return undefined;
  const args = getArgumentValues(
    institutionType.getFields().programs,
    programs,
    info.variableValues,
  ) as Partial<InstitutionProgramsArgs>;
  if (typeof args.first !== "number" || args.first > MAX_PAGE_SIZE) return undefined;
  const pageArgs = args as InstitutionProgramsArgs;
  // The column set the field's own resolver computes from the same field node (cached per node).
  const asked = requestedFields({ fieldNodes: [programs], fragments: info.fragments });
  const columns = columnsFor(ctx.dataSource, Program, subtree(asked, "edges", "node"), PROGRAM_COLUMNS);
  // Whether each page must read one program more to learn if more follow (else no one asks).
  const readsNext = asked.get("pageInfo")?.has("hasNextPage") ?? false;
  const includeDrafts = ctx.viewer.includeDrafts;
  const nested = nestedProgramPages(ctx.dataSource, ctx.services.programs, pageArgs, {
    includeDrafts,
    columns,
    ownerIdSql: `"i"."id"`,
    readsNext,
  });
  if (!nested) return undefined;
  const count = ctx.loaders.institutionProgramCount(pageArgs);
  return {
    select: nested.select,
    parameters: nested.parameters,
    shape: nested.shape,
    onRow: (institution, value) =>
      keepPrograms(
        institution,
        nested.pageOf(value, () => count.load(institution.id)),
      ),
  };
}
