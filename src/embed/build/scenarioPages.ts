// Static pages for oEmbed, from a static build: every scenario gets scenario/<id>.html — a small page
// a person can read (title, claim, the live embed, links into the lab) with oEmbed discovery in its
// <head> — and oembed/<id>.json, the static oEmbed answer (type "rich", the iframe HTML, width,
// height, title). Pasting a scenario page's link into WordPress embeds the lab. oEmbed needs
// absolute URLs, so discovery and the JSON are written only when the build knows the site's URL
// (SITE_URL). Build-time only. See docs/EMBED_API.md.

import type { Plugin } from 'vite'

export interface PageScenario {
  readonly id: string
  readonly title: string
  readonly watch: string
  readonly claim: string
}

export const OEMBED_WIDTH = 640
export const OEMBED_HEIGHT = 480
const PROVIDER = 'Sticky Sessions Lab'

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

/** SITE_URL as a base URL ending in "/", or null (with the reason) when it isn't an http(s) URL. */
export function siteBase(raw: string | undefined): { base: string | null; problem: string | null } {
  if (!raw) return { base: null, problem: null }
  try {
    const u = new URL(raw)
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return { base: null, problem: `SITE_URL must be an http(s) URL, not ${u.protocol}` }
    u.search = ''
    u.hash = ''
    if (!u.pathname.endsWith('/')) u.pathname += '/'
    return { base: u.href, problem: null }
  } catch {
    return { base: null, problem: `SITE_URL "${raw}" is not a URL` }
  }
}

export function oembedJson(s: PageScenario, base: string) {
  const page = `${base}scenario/${s.id}.html`
  const src = `${base}embed.html?scenario=${encodeURIComponent(s.id)}&amp;controls=minimal`
  return {
    version: '1.0',
    type: 'rich',
    provider_name: PROVIDER,
    provider_url: base,
    title: s.title,
    width: OEMBED_WIDTH,
    height: OEMBED_HEIGHT,
    cache_age: 86400,
    // The blockquote is WordPress's fallback while the frame loads (and without scripts).
    html: `<blockquote><a href="${esc(page)}">${esc(s.title)} — ${PROVIDER}</a></blockquote><iframe src="${src}" width="${OEMBED_WIDTH}" height="${OEMBED_HEIGHT}" title="${esc(`${PROVIDER}: ${s.title}`)}" frameborder="0" scrolling="no"></iframe>`,
  }
}

export function scenarioPage(s: PageScenario, base: string | null): string {
  const discovery = base
    ? `
    <link rel="canonical" href="${esc(`${base}scenario/${s.id}.html`)}" />
    <link rel="alternate" type="application/json+oembed" href="${esc(`${base}oembed/${s.id}.json`)}" title="${esc(s.title)}" />`
    : ''
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${esc(s.title)} · ${PROVIDER}</title>
    <meta name="description" content="${esc(s.claim)}" />
    <meta property="og:title" content="${esc(s.title)}" />
    <meta property="og:description" content="${esc(s.claim)}" />
    <meta property="og:site_name" content="${PROVIDER}" />${discovery}
    <link rel="icon" href="../favicon.svg" type="image/svg+xml" />
    <style>
      :root { color-scheme: light dark; font: 16px/1.5 system-ui, sans-serif; }
      body { margin: 0 auto; max-width: 44rem; padding: 1.5rem 1rem; }
      h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.25rem 0 0.5rem; }
      iframe { width: 100%; max-width: ${OEMBED_WIDTH}px; height: ${OEMBED_HEIGHT}px; border: 1px solid #8884; border-radius: 0.5rem; }
      a { color: #1d4ed8; }
      @media (prefers-color-scheme: dark) { a { color: #8ab4ff; } }
      .muted { opacity: 0.75; font-size: 0.9rem; }
    </style>
  </head>
  <body>
    <main>
      <p class="muted"><a href="../index.html#/">${PROVIDER}</a> · scenario</p>
      <h1>${esc(s.title)}</h1>
      <p>${esc(s.claim)}</p>
      <p class="muted">Watch: ${esc(s.watch)}</p>
      <iframe src="../embed.html?scenario=${encodeURIComponent(s.id)}&amp;controls=minimal" title="${esc(`${PROVIDER}: ${s.title}`)}" loading="lazy"></iframe>
      <p><a href="../index.html#/lab?scenario=${encodeURIComponent(s.id)}">Open it in the full lab</a> · <a href="../index.html#/embed?scenario=${encodeURIComponent(s.id)}">Embed it on your page</a></p>
      <p class="muted">To embed it in WordPress, paste this page’s address into the editor on a line of its own.</p>
    </main>
  </body>
</html>
`
}

/** Vite plugin: emits the pages (always) and the oEmbed JSON (with SITE_URL). */
export function scenarioPagesPlugin(scenarios: () => Promise<readonly PageScenario[]>): Plugin {
  return {
    name: 'embed:scenario-pages',
    apply: 'build',
    async generateBundle() {
      const { base, problem } = siteBase(process.env.SITE_URL)
      if (problem) this.error(problem)
      if (!base) this.warn('SITE_URL is not set: scenario pages are written without oEmbed discovery (oEmbed needs absolute URLs). Build with SITE_URL=https://…/ to add it.')
      for (const s of await scenarios()) {
        this.emitFile({ type: 'asset', fileName: `scenario/${s.id}.html`, source: scenarioPage(s, base) })
        if (base) this.emitFile({ type: 'asset', fileName: `oembed/${s.id}.json`, source: JSON.stringify(oembedJson(s, base), null, 2) + '\n' })
      }
    },
  }
}
