import { defineConfig } from 'vite';

// `zhizao serve` serves dist/ at `/`; in development Vite proxies /api to a running server
// (ZHIZAO_API, default http://127.0.0.1:8080).
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env.ZHIZAO_API ?? 'http://127.0.0.1:8080' },
  },
});
