import { sendBundleFile } from '../bundle-file';
import type { Route } from '../route';
import { sendJson } from '../send';
import { readScreenManifest, screenAssetsDir } from './screen-assets';
import { SCREEN_CONTENT_SECURITY_POLICY, screenPage } from './screen-page';

export const SCREEN_PATH = '/screen';

/**
 * The big screen: GET /screen is the page, GET /screen/<file> the bundle `npm run build` made
 * (dist/screen/). The key never travels in these requests: the page reads it from its own
 * address and sends it only to /graphql.
 */
export function screenRoute(graphqlPath: string, assetsDir = screenAssetsDir()): Route {
  return {
    path: `${SCREEN_PATH}/*`,
    handle(request, response, url) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'only GET' }, { allow: 'GET, HEAD' });
      const name = url.pathname.slice(SCREEN_PATH.length + 1);
      if (name === '') return sendPage(request.method, response, graphqlPath, assetsDir);
      // Hashed names: a file's content never changes under its name.
      return sendBundleFile(request, response, { dir: assetsDir, name, what: 'screen', cacheControl: 'public, max-age=31536000, immutable' });
    },
  };
}

function sendPage(method: string, response: Parameters<Route['handle']>[1], graphqlPath: string, assetsDir: string): void {
  const manifest = readScreenManifest(assetsDir);
  if (!manifest) return sendJson(response, 503, { error: 'the screen page is not built: run `npm run build`' });
  const html = screenPage(SCREEN_PATH, graphqlPath, manifest);
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': SCREEN_CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // The page names the bundle's hashed files: always ask, so that an upgrade reaches the display.
    'cache-control': 'no-cache',
  });
  response.end(method === 'HEAD' ? undefined : html);
}
