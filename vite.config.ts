import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

/**
 * Every script and stylesheet also as .br and .gz beside it, compressed once at build: the server
 * sends those to browsers that accept them (serveStatic `precompressed`) and never compresses on
 * the event loop the collaboration runs on. A summary page's scripts are a third as large.
 */
const precompress = (): Plugin => {
  let assets = ''
  return {
    name: 'huizong-precompress',
    apply: 'build',
    configResolved: (config) => void (assets = resolve(config.root, config.build.outDir, config.build.assetsDir)),
    closeBundle() {
      for (const name of readdirSync(assets).filter((file) => /\.(js|css|svg)$/.test(file))) {
        const body = readFileSync(join(assets, name))
        if (body.byteLength < 1024) continue
        writeFileSync(join(assets, `${name}.gz`), gzipSync(body, { level: 9 }))
        writeFileSync(join(assets, `${name}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
      }
    },
  }
}

export default defineConfig({
  root: 'client',
  plugins: [vue(), precompress()],
  // The browsers of government offices: 360 and 奇安信 on Chromium 86, Firefox ESR on 麒麟/统信;
  // Safari from 15 (iPhones left on iOS 15; no pattern of the page looks behind, see
  // shared/lookbehind.ts).
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, target: ['chrome86', 'edge86', 'firefox78', 'safari15'] },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/collab': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
})
