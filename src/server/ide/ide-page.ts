/** The IDE's HTML: the bundle's script and stylesheet, served by the hub from `assetsPath`. */
export function idePage(graphqlPath: string, assetsPath: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>幸福荟 xingfu-hub · GraphiQL</title>
<link rel="stylesheet" href="${assetsPath}/ide.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body data-endpoint="${graphqlPath}">
<div id="graphiql">Loading GraphiQL…</div>
<script src="${assetsPath}/ide.js"></script>
</body>
</html>
`;
}

/**
 * What the IDE page may load: only this hub. A browser refuses anything else, so the page works
 * on a closed network and cannot leak queries to a third party. Monaco sets inline styles.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');
