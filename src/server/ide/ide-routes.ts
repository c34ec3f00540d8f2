import fs from 'node:fs';
import path from 'node:path';
import type { Route } from '../route';
import { sendJson } from '../send';
import { ideAssetsDir } from './ide-assets';
import { IDE_CONTENT_SECURITY_POLICY, idePage } from './ide-page';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

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
        const name = url.pathname.slice(assetsPath.length + 1);
        const type = CONTENT_TYPES[path.extname(name)];
        // Only plain file names of the bundle: no directories, no way out of it.
        if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'only GET' });
        if (!type || !/^[A-Za-z0-9._-]+$/.test(name) || !fs.existsSync(path.join(assetsDir, name))) {
          return sendJson(response, 404, { error: `no IDE file ${name}` });
        }
        const gzipped = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) && fs.existsSync(path.join(assetsDir, `${name}.gz`));
        const file = path.join(assetsDir, gzipped ? `${name}.gz` : name);
        response.writeHead(200, {
          'content-type': type,
          'content-length': fs.statSync(file).size,
          'x-content-type-options': 'nosniff',
          'cache-control': 'public, max-age=3600',
          vary: 'accept-encoding',
          ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
        });
        if (request.method === 'HEAD') return void response.end();
        fs.createReadStream(file).pipe(response);
      },
    },
  };
}
