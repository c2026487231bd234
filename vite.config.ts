import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// Relative base: the built `dist/` works from any folder of a static host.
export default defineConfig({
  base: './',
  plugins: [preact()],
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  preview: { port: 4173, strictPort: true },
});
