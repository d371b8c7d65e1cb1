import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * In development, page paths under /console must get the console's HTML like the Fastify server
 * does in production; Vite's own SPA fallback would hand them the portal.
 */
function consoleFallback(): Plugin {
  return {
    name: 'farun-console-fallback',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const path = (request.url ?? '/').split('?')[0] ?? '/';
        const isConsolePage =
          (path === '/console' || path.startsWith('/console/')) && !/\.\w+$/.test(path);
        if (isConsolePage) request.url = '/console.html';
        next();
      });
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), consoleFallback()],
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: `${webRoot}/index.html`,
        console: `${webRoot}/console.html`,
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
