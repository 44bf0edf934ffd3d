/** A tab of the explorer: the operation, and its variables as JSON text. */
export interface ExampleTab {
  query: string;
  variables: string | null;
}

const VARIABLES_LINE = /^#\s*Variables:\s*(.*)$/;

/**
 * Reads one docs/examples/*.graphql file. A file starts with comment lines describing the example;
 * a `# Variables: {…}` line among them holds its variables (JSON) and is left out of the operation,
 * where the other comments stay as the tab's description.
 */
export function exampleTab(source: string): ExampleTab {
  const lines = source.split("\n");
  const variablesLine = lines.find((line) => VARIABLES_LINE.test(line));
  const query = lines.filter((line) => line !== variablesLine).join("\n");
  const json = variablesLine?.match(VARIABLES_LINE)?.[1];
  return { query, variables: json ? JSON.stringify(JSON.parse(json), null, 2) : null };
}
