// The side panel: progress at a glance, statistics (reviews per day, retention), keeping it
// (export / import JSON), the Anki export, the shortcut keys and "reset everything".

import { useState, type ChangeEvent } from 'react'
import { usePrefs } from '../../store/prefs.ts'
import { toAnkiTsv } from './anki.ts'
import { DECK } from './deck.ts'
import { downloadText } from '../../components/download.ts'
import { exportFileName, exportJson, parseImport } from './exportProgress.ts'
import { deckStats } from './queue.ts'
import { ReviewStats } from './ReviewStats.tsx'
import { progressStore, useProgress } from './useProgress.ts'

const BUTTON = 'inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg border border-line bg-card px-3 text-sm font-medium text-ink hover:bg-soft'

export function ProgressPanel({ now, newLimit }: { now: number; newLimit: number }) {
  const doc = useProgress((s) => s.doc)
  const persistent = useProgress((s) => s.persistent)
  const stats = deckStats(DECK, doc, now, newLimit)
  return (
    <aside aria-label="Progress and files" className="flex flex-col gap-4">
      <section aria-labelledby="progress-title" className="rounded-2xl border border-line bg-card p-5">
        <h2 id="progress-title" className="text-xs font-semibold uppercase tracking-wide text-muted">
          Your progress
        </h2>
        <dl className="mt-3 grid grid-cols-3 gap-2" data-testid="deck-stats">
          <Stat label="Due today" value={stats.dueToday} />
          <Stat label="New today" value={stats.newToday} />
          <Stat label="Learned" value={stats.learned} of={stats.total} />
        </dl>
        <DeckBar learned={stats.learned} learning={stats.learning} total={stats.total} />
        <p className="mt-3 text-xs text-muted">{persistent ? 'Saved in this browser as you study.' : 'Not saved: this page can’t use storage here.'}</p>
        <ResetDeck />
      </section>
      <ReviewStats now={now} />
      <FilesSection />
      <KeysSection />
    </aside>
  )
}

function Stat({ label, value, of }: { label: string; value: number; of?: number }) {
  return (
    <div className="flex flex-col-reverse rounded-xl bg-soft px-2 py-3 text-center">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="tabular text-2xl font-semibold">
        {value}
        {of !== undefined && <span className="text-sm font-normal text-muted">/{of}</span>}
      </dd>
    </div>
  )
}

/** Whole-deck bar: learned, learning, not yet learned — with words, not colour alone. */
function DeckBar({ learned, learning, total }: { learned: number; learning: number; total: number }) {
  const pct = (n: number) => `${total === 0 ? 0 : (n / total) * 100}%`
  return (
    <div className="mt-4">
      <div className="flex h-2.5 overflow-hidden rounded-full bg-soft" aria-hidden="true">
        <div className="bg-ok" style={{ width: pct(learned) }} />
        <div className="bg-warn" style={{ width: pct(learning) }} />
      </div>
      <p className="mt-2 flex flex-wrap gap-x-3 text-xs text-muted">
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full bg-ok" />
          {learned} learned
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full bg-warn" />
          {learning} learning
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full border border-line bg-soft" />
          {total - learned - learning} not started
        </span>
      </p>
    </div>
  )
}

function FilesSection() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    const result = parseImport(await file.text())
    if (!result.ok) {
      setMessage({ ok: false, text: `Not imported. ${result.message}` })
      return
    }
    progressStore.getState().replaceWith(result.doc, 'Progress imported')
    const known = Object.keys(result.doc.cards).filter((id) => DECK.byId.has(id)).length
    setMessage({ ok: true, text: `Imported progress for ${known} card${known === 1 ? '' : 's'} from “${file.name.slice(0, 60)}”.` })
  }
  return (
    <section aria-labelledby="files-title" className="flex flex-col gap-2 rounded-2xl border border-line bg-card p-5">
      <h2 id="files-title" className="text-xs font-semibold uppercase tracking-wide text-muted">
        Keep and share
      </h2>
      <button type="button" className={BUTTON} onClick={() => downloadText(exportFileName(new Date()), exportJson(progressStore.getState().doc, DECK.name, new Date()), 'application/json')}>
        Export progress (JSON)
      </button>
      <label className={`${BUTTON} cursor-pointer focus-within:outline focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-accent`}>
        Import progress…
        <input type="file" accept=".json,application/json" className="sr-only" onChange={onImport} />
      </label>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-ok' : 'text-bad'}`}>
          {message.text}
        </p>
      )}
      <button type="button" className={BUTTON} onClick={() => downloadText('sticky-sessions-lab-anki.txt', toAnkiTsv(DECK), 'text/tab-separated-values')}>
        Export deck for Anki
      </button>
      <p className="text-xs text-muted">A tab-separated file: in Anki choose File → Import. Re-importing updates the same notes.</p>
    </section>
  )
}

function KeysSection() {
  const on = usePrefs((p) => p.shortcuts)
  return (
    <section aria-labelledby="keys-title" className="rounded-2xl border border-line bg-card p-5 text-sm">
      <h2 id="keys-title" className="text-xs font-semibold uppercase tracking-wide text-muted">
        Keys {on ? '' : '(off)'}
      </h2>
      <p className="mt-2 text-muted">{on ? 'While the card has focus:' : 'Keyboard shortcuts are off; turn them on under the card.'}</p>
      {on && (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
          {[
            ['Space', 'show the answer'],
            ['1 – 4', 'Again, Hard, Good, Easy'],
            ['U', 'undo the last grade'],
            ['Tab', 'move to the buttons'],
          ].map(([k, v]) => (
            <div key={k} className="contents">
              <dt>
                <kbd className="rounded border border-line bg-page px-1.5 py-0.5 font-mono text-xs">{k}</kbd>
              </dt>
              <dd className="text-muted">{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}

function ResetDeck() {
  const [confirming, setConfirming] = useState(false)
  const studied = useProgress((s) => Object.keys(s.doc.cards).length)
  if (studied === 0 && !confirming) return null
  return (
    <div className="mt-3 border-t border-line pt-3">
      {confirming ? (
        <div className="flex flex-col gap-2" role="group" aria-label="Confirm reset">
          <p className="text-sm">Forget the schedule of all {studied} studied cards? You can undo this right after.</p>
          <div className="flex gap-2">
            <button
              type="button"
              autoFocus
              onClick={() => {
                progressStore.getState().resetDeck()
                setConfirming(false)
              }}
              className="min-h-11 flex-1 rounded-lg border border-bad bg-card px-3 text-sm font-semibold text-bad hover:bg-soft"
            >
              Reset everything
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="min-h-11 flex-1 rounded-lg border border-line px-3 text-sm font-medium hover:bg-soft">
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className="-mx-3 min-h-11 rounded-lg px-3 text-sm font-medium text-bad hover:bg-soft">
          Reset all progress…
        </button>
      )}
    </div>
  )
}
