// The GraphiQL IDE served at GET /graphql, bundled by build-ide.ts: nothing comes from a CDN.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';

const assets = document.currentScript?.src ? new URL('.', document.currentScript.src).pathname : '/graphql/ide/';

// Monaco's language workers, bundled beside this file (see build-ide.ts).
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const name = label === 'json' ? 'json.worker.js' : label === 'graphql' ? 'graphql.worker.js' : 'editor.worker.js';
    return new Worker(`${assets}${name}`);
  },
};

const endpoint = document.body.dataset.endpoint ?? '/graphql';
const fetcher = createGraphiQLFetcher({ url: new URL(endpoint, window.location.href).href });

const DEFAULT_QUERY = `# 幸福荟 xingfu-hub. Press the run button (or Ctrl-Enter).
# A resident's token goes in the Headers tab: { "Authorization": "Bearer <token>" }

query NearbyHubs {
  nearbyHubs(
    near: { lat: 30.3268, lng: 120.1000, coordSystem: GCJ02 }
    radiusMeters: 3000
    first: 5
  ) {
    distanceMeters
    hub {
      id
      name
      address
      location(coordSystem: GCJ02) { lat lng }
      facilities { type name }
    }
  }
}
`;

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} defaultEditorToolsVisibility="headers" />,
);
