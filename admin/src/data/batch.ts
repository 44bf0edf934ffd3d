import { Kind, visit, type DocumentNode, type FieldNode, type OperationDefinitionNode, type VariableDefinitionNode } from "graphql";

export interface BatchedDocument {
  kind: "query" | "mutation";
  document: DocumentNode;
  variables: Record<string, unknown>;
  /** The alias of call `i` in the answer. */
  alias(i: number): string;
  /** The call an error's path starts at, or -1. */
  indexOf(pathHead: unknown): number;
}

const alias = (i: number) => `r${i}`;

/**
 * One operation that repeats the single root field of `document` once per set of variables, as
 * `r0: field(…$id_0…) r1: field(…$id_1…)`. The document is one codegen checked against the schema;
 * only aliases and variable names change, so the batch asks nothing the schema does not have.
 */
export function batchDocument(document: DocumentNode, variables: readonly object[]): BatchedDocument {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const root = operation?.selectionSet.selections;
  if (!operation || root?.length !== 1 || root[0].kind !== Kind.FIELD) throw new Error("A batch repeats one operation of one root field");
  const field = root[0];
  const renamed = (name: string, i: number) => `${name}_${i}`;
  const fields: FieldNode[] = [];
  const definitions: VariableDefinitionNode[] = [];
  const values: Record<string, unknown> = {};
  variables.forEach((set, i) => {
    const copy: FieldNode = visit(field, {
      Variable: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, i) } }),
    });
    fields.push({ ...copy, alias: { kind: Kind.NAME, value: alias(i) } });
    for (const def of operation.variableDefinitions ?? []) {
      const name = def.variable.name.value;
      definitions.push({ ...def, variable: { ...def.variable, name: { kind: Kind.NAME, value: renamed(name, i) } } });
      values[renamed(name, i)] = (set as Record<string, unknown>)[name];
    }
  });
  const batched: OperationDefinitionNode = {
    ...operation,
    name: operation.name && { ...operation.name, value: `${operation.name.value}Batch` },
    variableDefinitions: definitions,
    selectionSet: { ...operation.selectionSet, selections: fields },
  };
  return {
    kind: operation.operation === "mutation" ? "mutation" : "query",
    document: { ...document, definitions: document.definitions.map((d) => (d === operation ? batched : d)) },
    variables: values,
    alias,
    indexOf: (head) => {
      const match = /^r(\d+)$/.exec(String(head ?? ""));
      return match ? Number(match[1]) : -1;
    },
  };
}
