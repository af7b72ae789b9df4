import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  root: 'client',
  plugins: [vue()],
  // The browsers of government offices: 360 and 奇安信 on Chromium 86, Firefox ESR on 麒麟/统信;
  // Safari from 16.4, the first with the regular expressions' lookbehind the checks use.
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, target: ['chrome86', 'edge86', 'firefox78', 'safari15'] },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/collab': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
})
