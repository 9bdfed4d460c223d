/**
 * Browser entry of the offline GraphiQL page served at GET /graphql.
 *
 * Bundled by scripts/buildGraphiql.ts (esbuild) into ONE self-contained HTML
 * file: this code, React, GraphiQL, Monaco and all CSS/fonts are inlined, so
 * the page works with no network access (no CDN).
 *
 * Monaco (GraphiQL 5's editor) runs language services in web workers. The
 * build script bundles the three workers GraphiQL needs (editor, json,
 * graphql) as separate IIFE scripts and injects their source text through the
 * `__GRAPHIQL_MONACO_WORKERS__` define; here they are started from blob URLs,
 * so no worker file has to be served next to the HTML page.
 */
// Typing note: react/react-dom 19 ship no .d.ts and @types/react(-dom) are not installed yet, so
// the two `@ts-ignore`s below silence "implicitly any" (TS7016). They are no-ops once
// `npm i -D @types/react@19 @types/react-dom@19` is done, and the JSX is then fully type-checked.
// (CSS is not imported here: scripts/buildGraphiql.ts inlines graphiql/style.css itself.)
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
// @ts-ignore TS7016 until @types/react-dom is installed (see above)
import { createRoot } from 'react-dom/client';

interface MonacoWorkerSources {
  editor: string;
  json: string;
  graphql: string;
}

/** Replaced at bundle time by the build script (esbuild `define`). */
declare const __GRAPHIQL_MONACO_WORKERS__: MonacoWorkerSources;

const workerUrls = new Map<keyof MonacoWorkerSources, string>();

function workerUrl(kind: keyof MonacoWorkerSources): string {
  let url = workerUrls.get(kind);
  if (url === undefined) {
    const blob = new Blob([__GRAPHIQL_MONACO_WORKERS__[kind]], { type: 'text/javascript' });
    url = URL.createObjectURL(blob);
    workerUrls.set(kind, url);
  }
  return url;
}

// Must be set before GraphiQL lazily imports Monaco (on first render).
(globalThis as typeof globalThis & { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const kind: keyof MonacoWorkerSources =
      label === 'graphql' ? 'graphql' : label === 'json' ? 'json' : 'editor';
    return new Worker(workerUrl(kind), { name: `monaco-${kind}` });
  },
};

const DEFAULT_QUERY = `# Rule-of-law government reports knowledge graph
#
# Run a query with the ▶ button (Ctrl/Cmd + Enter);
# the result appears on the right. Ctrl + Space
# autocompletes; the book icon (top left) opens
# the docs of every type and field.
#
# Start by listing the regions:
{
  regions {
    name
    code
    level
  }
}
`;

// `?query=...` / `?variables=...` prefill the editors (shareable links).
const params = new URLSearchParams(location.search);
const initialQuery = params.get('query') ?? undefined;
const initialVariables = params.get('variables') ?? undefined;

// Same-origin endpoint: the page is served by Apollo at the GraphQL path itself.
const fetcher = createGraphiQLFetcher({ url: location.pathname });

const container = document.getElementById('graphiql');
if (!container) throw new Error('GraphiQL root element #graphiql is missing');

createRoot(container).render(
  // @ts-ignore TS7016 (react/jsx-runtime) until @types/react is installed (see above)
  <GraphiQL
    fetcher={fetcher}
    defaultQuery={DEFAULT_QUERY}
    initialQuery={initialQuery}
    initialVariables={initialVariables}
    defaultEditorToolsVisibility={initialVariables !== undefined}
  />,
);
