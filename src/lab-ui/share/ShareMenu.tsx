// The lab's "Share & export" control: copy a link that reopens this exact moment, open the embed
// generator with this run, download a PNG of the stage or a JSON trace. The link is built when asked
// for (the address bar is never rewritten while the lab plays). Its writer (links/encoder.ts, with
// lz-string) loads when the button is pointed at, focused or pressed: the panel opens once it is there.

import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react'
import { Button } from '../../components/Button.tsx'
import { SCENARIOS } from '../../sim/scenarios/index.ts'
import { formatClock } from '../../sim/trace.ts'
import type { LabStore } from '../../store/labStore.ts'
import { useLab, useLabStore } from '../../store/LabContext.tsx'
import { downloadText, saveFile } from '../../components/download.ts'
import { MAX_AT_MS, MAX_SCRIPT_ITEMS } from '../links/limits.ts'
import { encoderNow, loadEncoder, type Encoder } from '../links/encoder.ts'
import { appUrl, runOf } from '../links/shareLink.ts'

export function ShareMenu() {
  const store = useLabStore()
  const [open, setOpen] = useState(false)
  const [link, setLink] = useState('')
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const [alignRight, setAlignRight] = useState(true)
  const root = useRef<HTMLDivElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const panelId = useId()
  const linkId = useId()

  useEffect(() => {
    if (!open) return
    const away = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', away)
    return () => document.removeEventListener('pointerdown', away)
  }, [open])

  const show = async () => {
    // The button can sit at either end of its (wrapping) row: open the panel towards the room.
    const box = root.current?.getBoundingClientRect()
    setAlignRight(box ? box.right > window.innerWidth / 2 : true)
    let encoder: Encoder
    try {
      encoder = await loadEncoder()
    } catch {
      setLink('')
      setStatus('The share link could not be written: part of the lab did not load. Check the connection and try again.')
      setOpen(true)
      return
    }
    setLink(currentLink(store, encoder).url)
    setStatus('')
    setOpen(true)
  }

  const copy = async () => {
    const encoder = encoderNow()
    if (!encoder) return void show()
    const { url, at, note } = currentLink(store, encoder)
    setLink(url)
    try {
      await navigator.clipboard.writeText(url)
      setStatus(`Link copied: it opens at ${formatClock(at)}.${note}`)
    } catch {
      input.current?.select()
      setStatus(`The clipboard is not available here: the link is selected in the box, press Ctrl+C (⌘C on a Mac) to copy it.${note}`)
    }
  }

  const exportPng = async () => {
    setBusy(true)
    setStatus('Drawing the stage…')
    try {
      const r = await pictureOfStage(store, root.current)
      const { traceFileName } = await import('./exportTrace.ts')
      saveFile(r.blob, traceFileName(store.getState(), 'png'))
      setStatus(`Saved a ${r.width}×${r.height} PNG of the stage${r.method === 'schematic' ? ' (a simplified drawing: this browser would not export the full picture)' : ''}.`)
    } catch (e) {
      setStatus(`The picture could not be made: ${e instanceof Error ? e.message : 'unknown error'}`)
    } finally {
      setBusy(false)
    }
  }

  const exportJson = async () => {
    const { traceFileName, traceJson } = await import('./exportTrace.ts')
    const s = store.getState()
    const encoder = encoderNow() ?? (await loadEncoder())
    const data = traceJson(s, currentLink(store, encoder).url)
    downloadText(traceFileName(s, 'json'), JSON.stringify(data, null, 2), 'application/json')
    setStatus(`Saved the trace: ${data.trace.length} events up to ${data.clock}.`)
  }

  const scenarioId = useLab((s) => s.scenarioId)
  const embedLink = () => {
    const encoder = encoderNow()
    return encoder ? appUrl(encoder.shareHash(store.getState().scenarioId, runOf(store.getState()), '/embed')) : '#/embed'
  }
  // Rebuilt just before it is followed, so it carries the moment of the click.
  const refresh = (e: SyntheticEvent<HTMLAnchorElement>) => {
    e.currentTarget.href = embedLink()
  }

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false)
          root.current?.querySelector<HTMLButtonElement>('[data-testid="share-toggle"]')?.focus()
        }
      }}
    >
      <Button aria-expanded={open} aria-controls={panelId} onPointerEnter={() => void loadEncoder().catch(() => {})} onFocus={() => void loadEncoder().catch(() => {})} onClick={() => (open ? setOpen(false) : void show())} data-testid="share-toggle">
        Share &amp; export
      </Button>
      <div id={panelId} hidden={!open} className={`absolute ${alignRight ? 'right-0' : 'left-0'} z-30 mt-2 w-[min(24rem,calc(100vw-2rem))] rounded-xl border border-line bg-card p-3 shadow-lg`} data-testid="share-panel">
        <h2 className="text-sm font-semibold">Share this moment</h2>
        <p className="mt-1 text-xs text-muted">The link reopens {SCENARIOS[scenarioId].title} exactly as it is now: same seed, your interventions, the current time.</p>
        <div className="mt-2 flex gap-2">
          <label htmlFor={linkId} className="sr-only">
            Share link
          </label>
          <input id={linkId} ref={input} readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-line bg-soft px-2 py-1 font-mono text-xs" data-testid="share-link" />
          <Button look="primary" size="sm" onClick={() => void copy()} data-testid="copy-link">
            Copy link
          </Button>
        </div>
        <a href={open ? embedLink() : '#/embed'} onPointerDown={refresh} onFocus={refresh} onClick={refresh} className="mt-2 inline-block text-sm text-accent underline">
          Embed this run in a course page…
        </a>
        <h2 className="mt-3 text-sm font-semibold">Export</h2>
        <div className="mt-1 flex flex-wrap gap-2">
          <Button size="sm" onClick={() => void exportPng()} disabled={busy} data-testid="export-png">
            Stage as PNG
          </Button>
          <Button size="sm" onClick={() => void exportJson().catch(() => setStatus('The trace could not be saved.'))} data-testid="export-json">
            Trace as JSON
          </Button>
        </div>
        <p role="status" className="mt-2 min-h-5 text-xs text-muted" data-testid="share-status">
          {status}
        </p>
      </div>
    </div>
  )
}

function currentLink(store: LabStore, encoder: Encoder): { url: string; at: number; note: string } {
  const s = store.getState()
  const run = runOf(s)
  const note = run.at < s.sim.now ? ` This run is longer than a link holds (${formatClock(MAX_AT_MS)} or ${MAX_SCRIPT_ITEMS} interventions), so the link opens at ${formatClock(run.at)}.` : ''
  return { url: appUrl(encoder.shareHash(s.scenarioId, run)), at: run.at, note }
}

/** The stage of the lab around `from`, as a PNG; the table view is swapped for the stage meanwhile. */
async function pictureOfStage(store: LabStore, from: HTMLElement | null) {
  const lab = from?.closest('[data-testid="lab"]')
  if (!lab) throw new Error('the lab is not on the page')
  const s = store.getState()
  const restore = s.view
  if (restore !== 'stage') {
    s.setView('stage')
    await frames(4)
  }
  try {
    const card = lab.querySelector<HTMLElement>('[data-testid="stage"]')?.parentElement
    if (!card) throw new Error('the stage is not showing')
    const now = store.getState()
    const c = now.sim.counters
    const { stagePng } = await import('./exportPng.ts')
    return await stagePng(card, now.sim, {
      title: `Sticky Sessions Lab — ${SCENARIOS[now.scenarioId].title}`,
      subtitle: `at ${formatClock(now.sim.now)} · seed ${now.seed} · ${now.sim.config.policy}, sessions in ${now.sim.config.storage}`,
      stats: `${c.unexpectedLogouts} unexpected logouts · ${c.cartsLost} carts lost · ${c.sessionsLost} sessions lost · ${c.failed} failed of ${c.requests} requests`,
    })
  } finally {
    if (restore !== 'stage') store.getState().setView(restore)
  }
}

function frames(n: number): Promise<void> {
  return new Promise((resolve) => {
    const next = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => next(left - 1)))
    next(n)
  })
}
