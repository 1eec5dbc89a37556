// #/embed: the embed generator. Pick a scenario and options, watch the live preview (embed.html in
// an iframe, exactly what a course page will show) and copy the <iframe> snippet. Opened from the
// lab's share menu it carries that run (`s`) and offers to embed it at that moment. "Copy snippet"
// reads "Copied ✓" for a moment after a copy (until the snippet changes), and a note explains
// sandboxed hosts: what the site hosting the lab must send, and what readers see otherwise.

import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { initialize } from '@open-iframe-resizer/core'
import { useRoute } from '../../app/router.ts'
import { Button } from '../../components/Button.tsx'
import { Notice } from '../../components/Notice.tsx'
import { Segmented } from '../../components/Segmented.tsx'
import { Select } from '../../components/Select.tsx'
import { Toggle } from '../../components/Toggle.tsx'
import { LB_PRODUCT_IDS, LB_PRODUCTS, SCENARIO_LIST, type LbProductId, type ScenarioId, formatClock } from '../../lab-ui/engine.ts'
import { SPEEDS } from '../../store/labStore.ts'
import { EMBED_DEFAULTS, embedQuery, type EmbedChoice, type EmbedControls, type EmbedTheme } from '../../lab-ui/links/embedParams.ts'
import { CHECKED_SIZES, embedTitle, frameStyle, SIZES, snippet, type SizeId } from '../../lab-ui/links/embedSnippet.ts'
import { decodeRun } from '../../lab-ui/links/decode.ts'
import { MAX_SEED } from '../../lab-ui/links/limits.ts'
import { useShareRequest } from '../../lab-ui/links/useShareRequest.ts'
import { CourseTools } from './CourseTools.tsx'

const COPIED_MS = 2_500

export default function EmbedGeneratorPage() {
  const route = useRoute()
  const shared = useShareRequest(route.query)
  const decoded = useMemo(() => (shared.encoded !== null ? decodeRun(shared.encoded) : null), [shared.encoded])
  const sharedRun = decoded?.ok ? shared.encoded : null
  const linkProblems = [shared.scenarioProblem, ...shared.problems, decoded && !decoded.ok ? decoded.problem : null].filter((x) => x !== null)
  const [scenario, setScenario] = useState<ScenarioId>(shared.scenario)
  const [controls, setControls] = useState<EmbedControls>(EMBED_DEFAULTS.controls)
  /** '' = the scenario's own load balancer (or the shared run's). */
  const [lb, setLb] = useState<LbProductId | ''>('')
  const [theme, setTheme] = useState<EmbedTheme>(EMBED_DEFAULTS.theme)
  const [autoplay, setAutoplay] = useState(false)
  const [speed, setSpeed] = useState(1)
  const [seedText, setSeedText] = useState('')
  const [size, setSize] = useState<SizeId>('640x400')
  const [autoHeight, setAutoHeight] = useState(false)
  const [useRun, setUseRun] = useState(sharedRun !== null)
  const [copied, setCopied] = useState('')
  const [everySize, setEverySize] = useState(false)
  /** The snippet last copied, while the button says so (a new copy restarts the moment). */
  const [justCopied, setJustCopied] = useState<{ code: string } | null>(null)
  const seedId = useId()
  const snippetId = useId()
  const hintId = useId()

  const seed = /^\d{1,10}$/.test(seedText) && Number(seedText) <= MAX_SEED ? Number(seedText) : undefined
  const seedBad = seedText !== '' && seed === undefined
  const runApplies = useRun && sharedRun !== null && scenario === shared.scenario
  const choice: EmbedChoice = { scenario, controls, theme, autoplay, speed, height: autoHeight ? 'auto' : 'frame', ...(lb !== '' ? { lb } : {}), ...(seed !== undefined ? { seed } : {}), ...(runApplies ? { run: sharedRun } : {}) }
  const code = snippet(choice, { from: window.location.href, size, autoHeight })
  const previewSrc = `./embed.html?${embedQuery(choice)}`
  const showCopied = justCopied?.code === code

  useEffect(() => {
    if (!justCopied) return
    const t = window.setTimeout(() => setJustCopied(null), COPIED_MS)
    return () => window.clearTimeout(t)
  }, [justCopied])

  return (
    <div className="mx-auto flex max-w-[1600px] flex-col gap-4 p-4">
      <header className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight">Embed a scenario</h1>
        <p className="mt-1 text-muted">Put a live scenario on a course page, an LMS or a blog: choose what it shows, check the preview, copy the snippet. It starts paused unless you turn on autoplay, and works where storage is blocked.</p>
      </header>
      {linkProblems.length > 0 && (
        <Notice tone="warn" title="Part of this link could not be used">
          {linkProblems.join(' ')}
        </Notice>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
        <form className="flex min-w-0 flex-col gap-4" onSubmit={(e) => e.preventDefault()} aria-label="Embed options">
          <Select label="Scenario" value={scenario} onChange={(v) => setScenario(v)}>
            {SCENARIO_LIST.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </Select>
          <Select label="Load balancer" value={lb} onChange={(v) => setLb(v)}>
            <option value="">{runApplies ? 'The shared run’s' : 'The scenario’s own'}</option>
            {LB_PRODUCT_IDS.map((id) => (
              <option key={id} value={id}>
                {LB_PRODUCTS[id].label}
              </option>
            ))}
          </Select>
          {decoded?.ok && (
            <div className="rounded-lg border border-line bg-card p-3 text-sm">
              <Toggle label={`Open at the shared moment (${formatClock(decoded.run.at)}, ${decoded.run.script.length} intervention${decoded.run.script.length === 1 ? '' : 's'} of yours)`} checked={useRun} onChange={setUseRun} />
              {useRun && scenario !== shared.scenario && <p className="mt-1 text-xs text-muted">The shared run belongs to another scenario, so this embed starts at the beginning.</p>}
            </div>
          )}
          <Segmented
            label="Controls"
            value={controls}
            onChange={(v) => setControls(v)}
            options={[
              { value: 'full', label: 'Full', hint: 'Everything the lab has: the design toggle and playback by the stage, the rest (knobs, full metrics, log, share) in a “More controls” sheet' },
              { value: 'minimal', label: 'Minimal', hint: 'Playback, the design toggle, the view switch and the metrics strip' },
              { value: 'none', label: 'None', hint: 'Playback, the stage and the metrics strip' },
            ]}
          />
          <p className="-mt-2 text-xs text-muted" data-testid="fits">
            Every level fits {CHECKED_SIZES.map((k) => SIZES[k].label.replace(/ \(.*\)$/, '')).join(', ')} with the whole scene on screen and no scrollbar; a smaller frame drops controls, never the stage.
          </p>
          <Segmented
            label="Theme"
            value={theme}
            onChange={(v) => setTheme(v)}
            options={[
              { value: 'auto', label: 'Auto', hint: 'Follow the reader’s system setting' },
              { value: 'light', label: 'Light' },
              { value: 'dark', label: 'Dark' },
            ]}
          />
          <div className="flex flex-wrap items-end gap-4">
            <Select label="Speed" value={String(speed)} onChange={(v) => setSpeed(Number(v))}>
              {SPEEDS.map((x) => (
                <option key={x} value={String(x)}>
                  {x}×
                </option>
              ))}
            </Select>
            <div className="flex flex-col gap-1">
              <label htmlFor={seedId} className="text-xs font-semibold uppercase tracking-wide text-muted">
                Seed (optional)
              </label>
              <input
                id={seedId}
                inputMode="numeric"
                value={seedText}
                onChange={(e) => setSeedText(e.target.value.trim())}
                placeholder="scenario’s own"
                aria-invalid={seedBad}
                aria-describedby={seedBad ? hintId : undefined}
                className="w-36 rounded-md border border-line bg-card px-2 py-1.5 text-sm"
              />
            </div>
          </div>
          {seedBad && (
            <p id={hintId} className="-mt-2 text-xs text-bad">
              A seed is a whole number from 0 to {MAX_SEED}; the snippet leaves it out until then.
            </p>
          )}
          <Toggle label="Start playing on load (autoplay)" checked={autoplay} onChange={setAutoplay} hint="Off is kinder: moving content that starts by itself needs a pause button (WCAG 2.2.2), and many embeds on one page all running is heavy." />
          <Select label="Size" value={size} onChange={(v) => setSize(v)}>
            {(Object.keys(SIZES) as SizeId[]).map((k) => (
              <option key={k} value={k}>
                {SIZES[k].label}
              </option>
            ))}
          </Select>
          <Toggle label="Grow to fit the lab (auto-height script)" checked={autoHeight} onChange={setAutoHeight} hint="Adds a small script for host pages that allow one; without it the frame keeps its size and scrolls." />
          <div className="flex flex-col gap-1">
            <div className="flex items-center justify-between gap-2">
              <label htmlFor={snippetId} className="text-xs font-semibold uppercase tracking-wide text-muted">
                Snippet
              </label>
              <Button
                look="primary"
                size="sm"
                onClick={() => {
                  navigator.clipboard.writeText(code).then(
                    () => {
                      setCopied('Snippet copied.')
                      setJustCopied({ code })
                    },
                    () => setCopied('The clipboard is not available: select the snippet and copy it (Ctrl+C, ⌘C on a Mac).'),
                  )
                }}
                data-testid="copy-snippet"
                className="min-w-[7.5rem]"
              >
                {showCopied ? 'Copied ✓' : 'Copy snippet'}
              </Button>
            </div>
            <textarea id={snippetId} readOnly value={code} rows={autoHeight ? 14 : 9} onFocus={(e) => e.currentTarget.select()} className="w-full rounded-md border border-line bg-soft p-2 font-mono text-xs" data-testid="snippet" />
            <p role="status" className="min-h-4 text-xs text-muted">
              {copied}
            </p>
          </div>
          <div className="rounded-lg border border-line bg-card p-3 text-sm" data-testid="sandbox-note">
            <h2 className="font-semibold">Hosts that sandbox embeds</h2>
            <p className="mt-1 text-muted">
              Some sites put every embed in a sandbox: WordPress does this for embeds from sites it doesn’t know. A frame sandboxed without <code>allow-same-origin</code> has no origin of its
              own, so the browser loads the lab’s scripts with CORS, and the site hosting the lab must answer with <code>Access-Control-Allow-Origin: *</code> (GitHub Pages does). If yours
              can’t, add <code>allow-same-origin</code> to the frame’s sandbox, or host the lab where it can. Until then your readers see “Open the lab in a new tab” instead of the lab, and
              the browser console says why.
            </p>
          </div>
        </form>
        <section aria-labelledby="embed-preview" className="flex min-w-0 flex-col gap-2">
          <h2 id="embed-preview" className="text-sm font-semibold">
            Live preview
          </h2>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-xs text-muted">This is embed.html itself, at the real size of the frame{everySize ? 's' : ' you chose'}.</p>
            <Toggle label="Every size" checked={everySize} onChange={setEverySize} />
          </div>
          {everySize ? (
            <div className="flex flex-col gap-4" data-testid="every-size">
              {CHECKED_SIZES.map((k) => (
                <figure key={k} className="flex flex-col gap-1">
                  <figcaption className="text-xs font-semibold">{SIZES[k].label}</figcaption>
                  <Preview src={previewSrc} title={`${embedTitle(choice)} (${SIZES[k].label})`} size={k} autoHeight={false} testId={`embed-preview-${k}`} />
                </figure>
              ))}
            </div>
          ) : (
            <Preview src={previewSrc} title={embedTitle(choice)} size={size} autoHeight={autoHeight} />
          )}
        </section>
      </div>
      <CourseTools scenario={scenario} />
    </div>
  )
}

function Preview({ src, title, size, autoHeight, testId = 'embed-preview' }: { src: string; title: string; size: SizeId; autoHeight: boolean; testId?: string }) {
  const frame = useRef<HTMLIFrameElement>(null)
  useEffect(() => {
    const el = frame.current
    if (!autoHeight || !el) return
    let stop = () => {}
    let live = true
    void initialize({}, el).then((r) => {
      stop = () => r.forEach((x) => x.unsubscribe())
      if (!live) stop()
    })
    return () => {
      live = false
      stop()
      el.style.height = ''
    }
  }, [autoHeight, src])
  return (
    // Real size: a frame wider than the column scrolls sideways here rather than shrinking.
    <div className={`flex max-w-full overflow-x-auto rounded-lg border border-dashed border-line bg-soft p-2 ${SIZES[size].width === null ? '' : 'self-start'}`}>
      <iframe key={src} ref={frame} src={src} title={title} allow="fullscreen" loading="lazy" style={frameStyle(size, true)} className="bg-page" data-testid={testId} />
    </div>
  )
}
