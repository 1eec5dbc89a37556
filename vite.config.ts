// Vite: React + Tailwind v4 + MDX lessons. Relative `base` so dist/ works from any sub-path; two
// entries: the app (index.html) and the small embed page (embed.html).

import mdx from '@mdx-js/rollup'
import rehypeShiki from '@shikijs/rehype'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMdxFrontmatter from 'remark-mdx-frontmatter'
import { defineConfig } from 'vite'
import { fileURLToPath } from 'node:url'
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
  ],
  build: {
    target: 'es2022',
    // OUT_DIR lets parallel builds (e.g. several test runs) use separate folders.
    outDir: process.env.OUT_DIR ?? 'dist',
    emptyOutDir: true,
    manifest: true,
    rollupOptions: {
      input: { main: here('index.html'), embed: here('embed.html') },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]/, priority: 4 },
            { name: 'shell', tags: ['$initial'], test: /src[\\/]store[\\/](prefs|safeStorage)\.|preload-helper/, priority: 5 },
            { name: 'engine', tags: ['$initial'], test: /src[\\/](sim[\\/]|lab-ui[\\/]engine\.ts)/, priority: 3 },
            { name: 'ui', tags: ['$initial'], test: /src[\\/]components[\\/]/, priority: 2 },
            { name: 'lab', tags: ['$initial'], test: /src[\\/](store|draw|lab-ui)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
})
