import fs from 'node:fs';
import path from 'node:path';
import { sendBundleFile } from '../bundle-file';
import type { Route } from '../route';
import { sendJson } from '../send';
import { ideAssetsDir } from './ide-assets';
import { IDE_CONTENT_SECURITY_POLICY, idePage } from './ide-page';

export interface IdeRoutes {
  /** For graphqlHttpRoute's `htmlPage`: a browser's GET of the GraphQL path. */
  page: Route['handle'];
  /** The bundle's files under `<graphqlPath>/ide/`. */
  assets: Route;
}

/** GraphiQL at GET /graphql for browsers, from the bundle `npm run build` makes (dist/ide/). */
export function ideRoutes(graphqlPath: string, assetsDir = ideAssetsDir()): IdeRoutes {
  const assetsPath = `${graphqlPath}/ide`;
  const html = idePage(graphqlPath, assetsPath);
  return {
    page(_request, response) {
      if (!fs.existsSync(path.join(assetsDir, 'ide.js'))) {
        return sendJson(response, 503, { error: 'the GraphiQL IDE is not built: run `npm run build`' });
      }
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(html),
        'content-security-policy': IDE_CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      });
      response.end(html);
    },
    assets: {
      path: `${assetsPath}/*`,
      handle(request, response, url) {
        if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'only GET' });
        sendBundleFile(request, response, { dir: assetsDir, name: url.pathname.slice(assetsPath.length + 1), what: 'IDE', cacheControl: 'public, max-age=3600' });
      },
    },
  };
}
