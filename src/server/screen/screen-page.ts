import type { ScreenManifest } from './screen-assets';

/** The screen's HTML: only the bundle's stylesheet and script; the script builds the wall. */
export function screenPage(assetsPath: string, graphqlPath: string, manifest: Pick<ScreenManifest, 'script' | 'stylesheet'> & { fonts: string }, title = '幸福荟 · 民生综合体大屏'): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetsPath}/${manifest.fonts}">
<link rel="stylesheet" href="${assetsPath}/${manifest.stylesheet}">
</head>
<body data-graphql="${graphqlPath}">
<noscript>本页面需要启用 JavaScript。</noscript>
<script src="${assetsPath}/${manifest.script}"></script>
</body>
</html>
`;
}

/**
 * What the screen may load: only this hub (its GraphQL over HTTP and WebSocket included, which
 * 'self' covers). A display on a closed network then fails the same way as one on the internet
 * would if anything reached out. ECharts and the page set inline styles.
 */
export const SCREEN_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
