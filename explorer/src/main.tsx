// Monaco's language workers, bundled by Vite as same-origin files under /explorer/assets/ (`?worker`
// imports): nothing is fetched from anywhere else.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "./explorer.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { exampleTabs } from "./examples";

/** The API on this same origin: the page is served at /graphql itself, for browsers that ask for HTML. */
const fetcher = createGraphiQLFetcher({ url: "/graphql" });

createRoot(document.getElementById("explorer")!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultTabs={exampleTabs} defaultEditorToolsVisibility="variables" />
  </StrictMode>,
);
