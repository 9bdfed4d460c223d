/**
 * Bundle the offline GraphiQL page (src/api/graphiql/GraphiqlApp.tsx) into ONE
 * self-contained HTML file, `<outDir>/index.html`, served by
 * src/api/graphiqlPlugin.ts as Apollo's landing page at GET /graphql.
 *
 * Everything is inlined, nothing is fetched at runtime:
 *   - the app + React + GraphiQL + Monaco + prettier as one minified IIFE <script>;
 *   - graphiql/style.css (it already embeds Monaco's CSS and all fonts as data: URLs) as <style>;
 *   - the three Monaco web workers GraphiQL 5 needs (editor, json, graphql), bundled first as
 *     separate IIFE scripts and injected as strings (`__GRAPHIQL_MONACO_WORKERS__`); the app
 *     starts them from blob: URLs, so no worker file must be served next to the page.
 *
 * Usage: `npx tsx scripts/buildGraphiql.ts [outDir]` (npm run build:graphiql).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const appEntry = path.join(repoRoot, 'src/api/graphiql/GraphiqlApp.tsx');

const target = ['chrome111', 'edge111', 'firefox114', 'safari16.4'];
const define = {
  'process.env.NODE_ENV': '"production"',
  // some deps probe `global` (Node-style); map it to the browser global object
  global: 'globalThis',
};

/** Worker entry modules, as GraphiQL's own setup-workers/{vite,webpack}.js reference them. */
const WORKERS = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
} as const;
type WorkerKind = keyof typeof WORKERS;

/**
 * monaco-editor / monaco-graphql are dependencies of @graphiql/react, not of this project:
 * resolve them from that package's location so this works whether npm hoisted them or not.
 */
function graphiqlReactDir(): string {
  const require = createRequire(pathToFileURL(path.join(repoRoot, 'package.json')));
  const graphiqlPkg = require.resolve('graphiql/package.json');
  const requireFromGraphiql = createRequire(graphiqlPkg);
  return path.dirname(requireFromGraphiql.resolve('@graphiql/react/package.json'));
}

async function bundleWorker(kind: WorkerKind, resolveDir: string): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents: `import ${JSON.stringify(WORKERS[kind])};`, resolveDir, loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target,
    minify: true,
    legalComments: 'none',
    define,
    write: false,
    logLevel: 'warning',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild produced no output for the ${kind} worker`);
  return out.text;
}

/**
 * Make JS/CSS safe to embed in a <script>/<style> element: a literal `</script` (or `</style`)
 * would close the element early and `<!--` can switch the HTML parser into an escaped state.
 * In the minified output these only occur inside string, template or regex literals, where
 * `<\/` and `<\!` mean the same characters.
 */
/**
 * graphiql/style.css already embeds Monaco's complete stylesheet (incl. the codicon font), so the
 * `import './x.css'` statements inside monaco-editor's ESM modules would only duplicate it.
 */
const skipMonacoCssImports: esbuild.Plugin = {
  name: 'skip-monaco-css-imports',
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) =>
      args.kind === 'import-statement' && /[\\/]monaco-editor[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'skipped-monaco-css' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'skipped-monaco-css' }, () => ({ contents: '', loader: 'css' }));
  },
};

function escapeForInlineTag(code: string, tag: 'script' | 'style'): string {
  return code
    .replace(new RegExp(`</(${tag})`, 'gi'), (_m, name: string) => `<\\/${name}`)
    .replace(/<!--/g, () => '<\\!--');
}

function renderHtml(js: string, css: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    '<link rel="icon" href="data:,">', // no favicon request (the GraphQL server would answer 400)
    '<title>GraphiQL · rule-of-law knowledge graph</title>',
    '<style>html,body{height:100%;margin:0}#graphiql{height:100dvh}</style>',
    `<style>${escapeForInlineTag(css, 'style')}</style>`,
    '</head>',
    '<body>',
    '<div id="graphiql"><noscript>GraphiQL needs JavaScript.</noscript></div>',
    `<script>${escapeForInlineTag(js, 'script')}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Build `<outDir>/index.html`. A relative `outDir` is resolved against the repository root
 * (not the current directory), so the server and the build always agree on `dist/graphiql`.
 */
export async function buildGraphiql(outDir = 'dist/graphiql'): Promise<void> {
  const started = performance.now();
  const absOutDir = path.resolve(repoRoot, outDir);
  const resolveDir = graphiqlReactDir();

  const kinds = Object.keys(WORKERS) as WorkerKind[];
  const workerSources = Object.fromEntries(
    await Promise.all(kinds.map(async (kind) => [kind, await bundleWorker(kind, resolveDir)] as const)),
  ) as Record<WorkerKind, string>;

  const styleEntry = createRequire(path.join(resolveDir, 'package.json')).resolve('graphiql/style.css');
  const styleEmbedsMonaco = (await readFile(styleEntry, 'utf8')).includes('.monaco-editor');
  const result = await esbuild.build({
    entryPoints: [
      { in: appEntry, out: 'app' },
      { in: styleEntry, out: 'style' },
    ],
    outdir: absOutDir, // only names the in-memory outputs (write: false)
    bundle: true,
    format: 'iife', // no code splitting: GraphiQL's lazy import()s of Monaco/prettier are inlined
    platform: 'browser',
    target,
    minify: true,
    legalComments: 'none',
    jsx: 'automatic',
    define: { ...define, __GRAPHIQL_MONACO_WORKERS__: JSON.stringify(workerSources) },
    // fonts/images referenced from CSS (Monaco's codicon font, if imported) become data: URLs
    loader: {
      '.ttf': 'dataurl',
      '.woff': 'dataurl',
      '.woff2': 'dataurl',
      '.svg': 'dataurl',
      '.png': 'dataurl',
    },
    plugins: styleEmbedsMonaco ? [skipMonacoCssImports] : [],
    absWorkingDir: repoRoot,
    write: false,
    logLevel: 'warning',
  });

  const js = result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.text);
  // app.css (only if Monaco's own CSS imports are kept) first, GraphiQL's style.css last
  const cssFiles = result.outputFiles.filter((f) => f.path.endsWith('.css'));
  cssFiles.sort((a, b) => Number(a.path.endsWith('style.css')) - Number(b.path.endsWith('style.css')));
  if (js.length !== 1) throw new Error(`expected one JS bundle, esbuild produced ${js.length}`);

  const html = renderHtml(js[0]!, cssFiles.map((f) => f.text).join('\n'));
  await mkdir(absOutDir, { recursive: true });
  const file = path.join(absOutDir, 'index.html');
  await writeFile(file, html, 'utf8');

  const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MiB`;
  const workersBytes = Object.values(workerSources).reduce((n, s) => n + s.length, 0);
  const ms = Math.round(performance.now() - started);
  console.log(
    `GraphiQL page: ${path.relative(process.cwd(), file) || file} ${mib(Buffer.byteLength(html))}` +
      ` (workers ${mib(workersBytes)}) in ${ms} ms`,
  );
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  buildGraphiql(process.argv[2]).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
