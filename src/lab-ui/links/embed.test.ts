// Embed parameters and the generator's snippet: lenient reading with plain messages, and a snippet
// that is valid for any host path, titled, lazy, and opt-in for auto-height.

import { describe, expect, it } from 'vitest'
import { createLabStore } from '../../store/labStore.ts'
import { EMBED_DEFAULTS, embedQuery, readEmbedOptions } from './embedParams.ts'
import { embedSrc, snippet } from './embedSnippet.ts'
import { traceJson, TRACE_FORMAT } from '../share/exportTrace.ts'
import { readLbParam } from './lbParam.ts'
import { readShare } from './shareLink.ts'

describe('embed parameters', () => {
  it('default to paused, minimal controls, 1×, following the system theme', () => {
    expect(readEmbedOptions(new URLSearchParams(''))).toEqual({ options: EMBED_DEFAULTS, problems: [] })
    expect(EMBED_DEFAULTS).toEqual({ controls: 'minimal', autoplay: false, speed: 1, theme: 'auto', height: 'frame' })
  })

  it('read every valid value', () => {
    const { options, problems } = readEmbedOptions(new URLSearchParams('controls=none&autoplay=1&speed=4&theme=dark&height=auto'))
    expect(problems).toEqual([])
    expect(options).toEqual({ controls: 'none', autoplay: true, speed: 4, theme: 'dark', height: 'auto' })
  })

  it('explain each bad value and keep the default', () => {
    const { options, problems } = readEmbedOptions(new URLSearchParams('controls=<b>all</b>&autoplay=yes&speed=1e9&theme=blue&height=tall'))
    expect(options).toEqual(EMBED_DEFAULTS)
    expect(problems).toHaveLength(5)
    expect(problems[0]).toBe('“<b>all</b>” is not a valid controls (use full, minimal, none), so minimal was used.')
    expect(problems.join(' ')).toContain('starts paused')
    for (const bad of ['', 'NaN', '3', '-1', 'Infinity', '0x10']) expect(readEmbedOptions(new URLSearchParams(`speed=${bad}`)).problems).toHaveLength(1)
  })

  it('round-trip through the query the generator writes', () => {
    const q = new URLSearchParams(embedQuery({ scenario: 'jwt-tokens', controls: 'full', autoplay: true, speed: 0.5, theme: 'light', height: 'auto', seed: 12, run: 'N4Ig+abc' }))
    expect(readEmbedOptions(q)).toEqual({ options: { controls: 'full', autoplay: true, speed: 0.5, theme: 'light', height: 'auto' }, problems: [] })
    const share = readShare(q)
    expect(share).toMatchObject({ scenario: 'jwt-tokens', init: { scenario: 'jwt-tokens', seed: 12 }, problems: [] })
    // A query string reads "+" as a space; the reader puts it back.
    expect(share.encoded).toBe('N4Ig+abc')
  })

  it('carry the load balancer as lb=, read back by the lab page’s reader', () => {
    const query = embedQuery({ scenario: 'crash-sticky-memory', controls: 'minimal', autoplay: false, speed: 1, theme: 'auto', height: 'frame', lb: 'alb' })
    expect(query).toBe('scenario=crash-sticky-memory&controls=minimal&autoplay=0&theme=auto&lb=alb')
    expect(readLbParam(new URLSearchParams(query))).toEqual({ lb: 'alb', problem: null })
    expect(embedQuery({ scenario: 'crash-sticky-memory', ...EMBED_DEFAULTS })).not.toContain('lb=')
  })
})

describe('embed snippet', () => {
  const choice = { ...EMBED_DEFAULTS, scenario: 'crash-sticky-memory' as const }

  it('points at embed.html next to the app, whatever the sub-path', () => {
    expect(embedSrc(choice, 'https://uni.example/courses/web/lab/#/embed')).toBe('https://uni.example/courses/web/lab/embed.html?scenario=crash-sticky-memory&controls=minimal&autoplay=0&theme=auto')
    expect(embedSrc(choice, 'http://127.0.0.1:4173/index.html?x=1#/embed?scenario=a')).toMatch(/^http:\/\/127\.0\.0\.1:4173\/embed\.html\?scenario=/)
  })

  it('is a titled, lazy, sized iframe with fullscreen allowed and escaped attributes', () => {
    const html = snippet(choice, { from: 'https://h.example/lab/', size: '640x400', autoHeight: false })
    expect(html).toContain('src="https://h.example/lab/embed.html?scenario=crash-sticky-memory&amp;controls=minimal&amp;autoplay=0&amp;theme=auto"')
    expect(html).toContain('title="Sticky Sessions Lab: ')
    expect(html).toContain('loading="lazy"')
    expect(html).toContain('allow="fullscreen"')
    expect(html).toContain('width="640"')
    expect(html).toContain('height="400"')
    expect(html).not.toContain('<script')
    expect(snippet(choice, { from: 'https://h.example/', size: 'responsive', autoHeight: false })).toContain('aspect-ratio:16/10')
  })

  it('adds the resizer only when the host opts in to auto-height', () => {
    const html = snippet(choice, { from: 'https://h.example/', size: '360x480', autoHeight: true })
    expect(html).toContain('id="sticky-lab-crash-sticky-memory"')
    expect(html).toContain("import { initialize } from 'https://cdn.jsdelivr.net/npm/@open-iframe-resizer/core@2.1.0/dist/index.js'")
    expect(html).toContain("initialize({}, '#sticky-lab-crash-sticky-memory')")
    // …and asks the lab for its natural height (a frame that fits exactly would never grow).
    expect(html).toContain('&amp;height=auto"')
  })
})

describe('JSON trace', () => {
  it('holds the script, the counters and the recent events oldest first, each with time and sentence', () => {
    const store = createLabStore({ scenario: 'crash-sticky-memory' })
    store.getState().advance(10_000)
    store.getState().intervene({ kind: 'crashServer', server: 'C' })
    store.getState().advance(5_000)
    const data = traceJson(store.getState(), 'https://x.example/#/lab?scenario=crash-sticky-memory&s=abc')
    expect(data.format).toBe(TRACE_FORMAT)
    expect(data).toMatchObject({ scenario: { id: 'crash-sticky-memory' }, at: 15_000, clock: '0:15.0', counters: store.getState().sim.counters })
    expect(data.script).toContainEqual({ at: 10_000, clock: '0:10.0', by: 'learner', do: { kind: 'crashServer', server: 'C' } })
    expect(data.script.some((x) => x.by === 'scenario')).toBe(true)
    expect(data.trace.length).toBeGreaterThan(20)
    const times = data.trace.map((e) => e.t)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(data.trace.some((e) => e.kind === 'server' && e.text.includes('Server C crashed'))).toBe(true)
    expect(JSON.parse(JSON.stringify(data))).toEqual(data)
  })
})
