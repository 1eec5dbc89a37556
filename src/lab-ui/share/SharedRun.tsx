// Brings a lab to the moment a link asks for: reads the shared run (the validator loads only now),
// replays it in slices with visible progress, says plainly what in the URL could not be used, and
// follows a new link opened while the page is open. Sits inside the lab's <LabProvider>, whose
// store starts as `share.init` (the scenario at t = 0).

import { useEffect, useRef, useState } from 'react'
import type { ConfigPatch } from '../../sim/config.ts'
import { Button } from '../../components/Button.tsx'
import { Notice } from '../../components/Notice.tsx'
import { formatClock } from '../../sim/trace.ts'
import { useLabStore } from '../../store/LabContext.tsx'
import type { Decoded } from '../links/decode.ts'
import { replayTo } from '../links/replay.ts'
import { describeSettings, initWithRun } from '../links/openRun.ts'
import type { ShareRequest } from '../links/shareLink.ts'

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'replaying'; at: number; done: number }
  | { kind: 'ready'; at: number; interventions: number; settings: string }
  | { kind: 'stopped'; at: number; target: number }
  | { kind: 'unreadable'; problem: string }

const initialPhase = (share: ShareRequest): Phase => (share.encoded !== null ? { kind: 'reading' } : { kind: 'idle' })

async function readRun(encoded: string): Promise<Decoded> {
  try {
    const { decodeRun } = await import('../links/decode.ts')
    return decodeRun(encoded)
  } catch {
    return { ok: false, problem: 'The saved run in this link could not be read: the part of the lab that reads links did not load (offline?).' }
  }
}

const NO_SETTINGS: ConfigPatch = {}

/**
 * `settings`: what the page's own URL parameters set (the lab page's policy/storage/servers/users).
 * They apply on top of a shared run as well, and the notice says so.
 */
export function SharedRun({ share, settings = NO_SETTINGS, showScenarioProblem = false, extraProblems = [], playWhenReady = false }: { share: ShareRequest; settings?: ConfigPatch; showScenarioProblem?: boolean; extraProblems?: readonly string[]; playWhenReady?: boolean }) {
  const store = useLabStore()
  const [phase, setPhase] = useState<Phase>(() => initialPhase(share))
  const [dismissed, setDismissed] = useState(false)
  const [shown, setShown] = useState(share.key)
  const stop = useRef<AbortController | null>(null)
  const loadedKey = useRef(share.key)

  // Another link followed without a page load (same tab, new hash): start over for it.
  if (shown !== share.key) {
    setShown(share.key)
    setPhase(initialPhase(share))
    setDismissed(false)
  }

  useEffect(() => {
    const encoded = share.encoded
    const followed = loadedKey.current !== share.key
    loadedKey.current = share.key
    if (encoded === null) {
      if (playWhenReady) store.getState().play()
      return
    }
    const ctl = new AbortController()
    stop.current = ctl
    void (async () => {
      const decoded = await readRun(encoded)
      if (ctl.signal.aborted) return
      if (!decoded.ok) {
        setPhase({ kind: 'unreadable', problem: `${decoded.problem} The scenario opened at its start instead.` })
        // The store already starts as share.init, unless an earlier link was open in this lab.
        if (followed) store.getState().load({ ...share.init, ...(Object.keys(settings).length > 0 ? { overrides: settings } : {}) })
        if (playWhenReady) store.getState().play()
        return
      }
      const { run } = decoded
      store.getState().load(initWithRun(share, run, settings))
      setPhase({ kind: 'replaying', at: run.at, done: 0 })
      await replayTo(store, run.at, { signal: ctl.signal, onProgress: (done) => setPhase({ kind: 'replaying', at: run.at, done }) })
      if (ctl.signal.aborted) return
      setPhase({ kind: 'ready', at: run.at, interventions: run.script.length, settings: describeSettings(settings) })
      if (playWhenReady) store.getState().play()
    })()
    return () => ctl.abort()
  }, [share, settings, store, playWhenReady])

  const problems = [...(showScenarioProblem && share.scenarioProblem ? [share.scenarioProblem] : []), ...share.problems, ...extraProblems, ...(phase.kind === 'unreadable' ? [phase.problem] : [])]

  return (
    <>
      {problems.length > 0 && (
        <Notice tone="warn" title="Part of this link could not be used">
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Notice>
      )}
      {(phase.kind === 'reading' || phase.kind === 'replaying') && (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-card px-3 py-2 text-sm" data-testid="replay-status">
          {phase.kind === 'reading' ? (
            <span>Reading the shared run…</span>
          ) : (
            <>
              <span>
                Replaying the shared run to {formatClock(phase.at)}… {Math.round(phase.done * 100)}%
              </span>
              <progress max={1} value={phase.done} className="h-2 w-32 accent-[var(--color-accent)]" aria-label="Replay progress" />
              <Button
                size="sm"
                onClick={() => {
                  stop.current?.abort()
                  setPhase({ kind: 'stopped', at: store.getState().sim.now, target: phase.at })
                }}
              >
                Stop here
              </Button>
            </>
          )}
        </div>
      )}
      {phase.kind === 'ready' && !dismissed && (
        <div data-testid="shared-ready">
          <Notice title="Shared moment" onDismiss={() => setDismissed(true)}>
            Opened at {formatClock(phase.at)} with {phase.interventions === 1 ? '1 intervention' : `${phase.interventions} interventions`} of the sender’s replayed, paused. Press Play to carry on from here.
            {phase.settings !== '' && (
              <span data-testid="shared-settings">
                {' '}
                The link also sets {phase.settings}: applied from the start, on top of the shared run, so it may play out differently from what the sender saw.
              </span>
            )}
          </Notice>
        </div>
      )}
      {phase.kind === 'stopped' && !dismissed && (
        <Notice title="Replay stopped" onDismiss={() => setDismissed(true)}>
          Stopped at {formatClock(phase.at)}, before the shared moment ({formatClock(phase.target)}).
        </Notice>
      )}
    </>
  )
}
