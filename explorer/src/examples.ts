import { exampleTab, type ExampleTab } from "./example-file";

/**
 * The example operations of docs/examples/*.graphql, read at build time: the files docs/API.md shows
 * (a test keeps the two equal), so the explorer's tabs cannot drift from the documentation.
 */
const files = import.meta.glob<string>("../../docs/examples/*.graphql", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** One tab per example, in file-name order (01-…, 02-…). */
export const exampleTabs: ExampleTab[] = Object.keys(files)
  .sort()
  .map((name) => exampleTab(files[name]));
