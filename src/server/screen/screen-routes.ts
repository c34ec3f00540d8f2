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

export const REVIEW_PAGE_PATH = '/review';

/**
 * The bureau's review page: GET /review, its bundle served under /screen/ with the screen's.
 * The page asks for a SCREEN or ADMIN key and sends it only in Authorization headers.
 */
export function reviewPageRoute(graphqlPath: string, assetsDir = screenAssetsDir()): Route {
  return {
    path: REVIEW_PAGE_PATH,
    handle(request, response) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'only GET' }, { allow: 'GET, HEAD' });
      return sendPage(request.method, response, graphqlPath, assetsDir, 'review');
    },
  };
}

function sendPage(method: string, response: Parameters<Route['handle']>[1], graphqlPath: string, assetsDir: string, page: 'screen' | 'review' = 'screen'): void {
  const manifest = readScreenManifest(assetsDir);
  const bundle = page === 'review' ? manifest?.review : manifest;
  if (!bundle) return sendJson(response, 503, { error: `the ${page} page is not built: run \`npm run build\`` });
  const html = screenPage(SCREEN_PATH, graphqlPath, { ...bundle, fonts: manifest!.fonts }, page === 'review' ? '幸福荟 · 民生综合体绩效考评' : undefined);
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
