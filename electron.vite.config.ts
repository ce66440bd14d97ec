import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { writeNotices } from './tools/third-party-notices.mjs';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Pure-JS libraries the start loads are bundled in: one file instead of dozens of small modules, each of which
      // Node would resolve, read and compile on every start. Native and worker-spawning packages stay external.
      externalizeDeps: { exclude: ['zod', 'drizzle-orm', 'luxon'] },
      rolldownOptions: {
        input: {
          main: resolve('electron/main.ts'),
          serve: resolve('electron/serve.ts'),
          // The worker thread that reads import files (import.file-worker.ts finds it beside the bundle).
          'import-worker': resolve('electron/services/miners/import/import.worker.ts'),
          // The LAN scanner's sweep thread (sweep-thread.ts finds it the same way).
          'sweep-worker': resolve('electron/services/discovery/scan/sweep.worker.ts'),
          // The start's integrity check of the database (backups.integrity.ts finds it the same way).
          'integrity-worker': resolve('electron/services/backups/integrity.worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rolldownOptions: { input: { preload: resolve('electron/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    publicDir: resolve('assets/public'),
    // Served at the origin root by app://hashdesk/ and by the HTTP transport, so deep routes must find /assets.
    // electron-vite forces './' (meant for file://) in its own config hook; this one runs after it.
    plugins: [
      react(),
      { name: 'hashdesk-root-base', enforce: 'post', config: () => ({ base: '/' }) },
      // Settings › About reads /third-party-notices.json: written from node_modules before the public folder is copied.
      { name: 'third-party-notices', buildStart: () => void writeNotices(import.meta.dirname) },
    ],
    build: {
      outDir: 'out/renderer',
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; a browser on `serve` (and the window) load it faster minified.
      minify: true,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        input: resolve('renderer/index.html'),
        // Pages are split by route (routes.tsx). React gets a chunk of its own; Mantine is split with the code that
        // uses it, so the first screen loads only the components it shows (one Mantine chunk was 435 kB).
        output: {
          codeSplitting: {
            groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
          },
        },
      },
    },
  },
});
