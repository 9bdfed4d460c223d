import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';

export interface GraphiqlLandingPageOptions {
  /** Directory holding the page built by `npm run build:graphiql` (normally `dist/graphiql`). */
  assetDir: string;
}

/**
 * Landing page plugin serving the self-contained offline GraphiQL page
 * (scripts/buildGraphiql.ts) instead of Apollo's CDN-loaded Sandbox.
 *
 * Apollo calls `renderLandingPage` once at start and answers every GET to the
 * GraphQL path whose Accept header prefers text/html with that HTML; it replaces
 * the implicitly installed default landing page. The page is one file (JS, CSS,
 * fonts and Monaco workers inlined) because Apollo serves no other assets.
 *
 * Throws at server start if `<assetDir>/index.html` is missing.
 */
export function createGraphiqlLandingPage(options: GraphiqlLandingPageOptions): ApolloServerPlugin {
  const file = path.resolve(options.assetDir, 'index.html');
  return {
    async serverWillStart() {
      let html: string;
      try {
        html = await readFile(file, 'utf8');
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new Error(
          `GraphiQL landing page not built: cannot read ${file} (${reason}). Run \`npm run build:graphiql\` first.`,
          { cause: error },
        );
      }
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
