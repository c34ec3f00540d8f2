/** esbuild bundles `import './screen.css'` into the page's stylesheet; to TypeScript it is a module with nothing in it. */
declare module '*.css';
