// Vite: React + Tailwind v4 + MDX lessons. Relative `base` so dist/ works from any sub-path; two
// entries: the app (index.html) and the small embed page (embed.html). Beside them the build writes
// the host API's client (embed-client.js), a static page per scenario with oEmbed, and the offline
// service worker.

import mdx from '@mdx-js/rollup'
import rehypeShiki from '@shikijs/rehype'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMdxFrontmatter from 'remark-mdx-frontmatter'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { fileURLToPath } from 'node:url'
import { embedClientPlugin } from './src/embed/build/embedClientPlugin.ts'
import { scenarioPagesPlugin } from './src/embed/build/scenarioPages.ts'
import { lessonIndexPlugin } from './src/features/lessons/build/lessonIndexPlugin.ts'
import remarkLessonIds from './src/features/lessons/build/remarkLessonIds.ts'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  base: './',
  plugins: [
    lessonIndexPlugin(),
    {
      enforce: 'pre',
      ...mdx({
        providerImportSource: '@mdx-js/react',
        remarkPlugins: [remarkFrontmatter, remarkMdxFrontmatter, remarkGfm, remarkLessonIds],
        // Code is highlighted at build time; light/dark colours switch on .dark (see lessons.css).
        rehypePlugins: [[rehypeShiki, { themes: { light: 'github-light-default', dark: 'github-dark-default' } }]],
      }),
    },
    react({ include: /\.(jsx|js|mdx|md|tsx|ts)$/ }),
    tailwindcss(),
    embedClientPlugin(),
    // scenario/<id>.html + oembed/<id>.json; SITE_URL (e.g. https://example.org/sticky-lab/) enables oEmbed.
    scenarioPagesPlugin(async () => {
      const [{ SCENARIO_LIST }, { SCENARIO_WATCH }, { SCENARIO_CLAIMS }] = await Promise.all([import('./src/sim/scenarios/index.ts'), import('./src/lab-ui/content/scenarioWatch.ts'), import('./src/lab-ui/content/scenarioClaims.ts')])
      return SCENARIO_LIST.map((s) => ({ ...s, watch: SCENARIO_WATCH[s.id], claim: SCENARIO_CLAIMS[s.id] }))
    }),
    // The offline copy (src/app/offline): a Workbox service worker precaching the whole app and the
    // embed. Not the SCORM zips, the scenario pages or the embed client: those are for other sites.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,json}'],
        globIgnores: ['scorm/**', 'scenario/**', 'oembed/**', 'embed-client.*', '.vite/**'],
        // Mermaid's chunks and the engine are large; all of it must work offline.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // embed.html?scenario=…&theme=… is the one precached embed.html.
        ignoreURLParametersMatching: [/.*/],
        // No single-page fallback: the scenario pages and SCORM zips are real files, not app routes.
        navigateFallback: null,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Every browser that runs es2022 modules supports <link rel=modulepreload>: no polyfill (0.4 KB on every page).
    modulePreload: { polyfill: false },
    // OUT_DIR lets parallel builds (e.g. several test runs) use separate folders.
    outDir: process.env.OUT_DIR ?? 'dist',
    emptyOutDir: true,
    manifest: true,
    rollupOptions: {
      input: { main: here('index.html'), embed: here('embed.html') },
      output: {
        codeSplitting: {
          groups: [
            // What every page needs before anything else: React, the store library, the preferences, the
            // app's error boundary — kept out of the lab's chunk, or every page would load the lab.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]|src[\\/]store[\\/](prefs|safeStorage)\.|src[\\/]components[\\/]ErrorBoundary\.|preload-helper/, priority: 4 },
            // The engine, the lab and the generic components it is drawn with, in one gzip stream (every page
            // that runs the engine also draws a lab or its components; two chunks cost ~0.8 KB more).
            { name: 'lab', tags: ['$initial'], test: /src[\\/](sim|store|draw|lab-ui|components)[\\/]/, priority: 1 },
            // What a page's lab shows beyond the stage (lab-ui/LabPageParts.tsx, on demand: an embed
            // never loads it at first paint) in one file rather than six small ones (#/ and #/lab load
            // it at once).
            { name: 'lab-page', test: /src[\\/](lab-ui[\\/](LabPageParts|ModePickers|LbPicker|PolicyOptions|WhenNear|config[\\/](ConfigForDesign|askedPolicy))|components[\\/]Select)\./, priority: 0 },
            // nginx in the engine as one file, and its ip_hash as another (each product's parts are chunks of
            // their own, fetched with a run that needs them: src/store/productLoader.ts).
            { name: 'nginx', test: /src[\\/]sim[\\/](products[\\/]engine[\\/](nginx|nginxRoutes|nginxUpstream)|nginx[\\/](pickerWalk|roundRobin|peerView|weightSlot))\.ts$/, priority: 0 },
            { name: 'nginxIpHash', test: /src[\\/]sim[\\/](products[\\/]engine[\\/]nginxIpHash|nginx[\\/](ipHash|ip))\.ts$/, priority: 0 },
            // The scenario picker with every scenario's prose (a page lab's, on demand; compare reads the prose too).
            { name: 'scenario-picker', test: /src[\\/]lab-ui[\\/](ScenarioPicker|content[\\/]scenarioWatch)\./, priority: 0 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
})
