// A complete lab instance, scene first: the stage (or the table view) with its metrics strip and the
// playback bar always share one screen, and everything else arranges itself around them. Must sit
// inside a <LabProvider>; the provider's store is the only state.
//
// Where the lab sits (`fit`) decides how tall that first screen is:
//  - page:  the rest of the browser window below the lab's top (#/, #/lab);
//  - frame: the whole box its parent gives it (embed.html fills its iframe);
//  - box:   a screenful with a cap (lesson scenes in the middle of prose);
//  - grow:  a fixed comfortable height with the rest below (an embed whose host grows the frame to fit).
// Its width decides the arrangement (see docs/ARCHITECTURE.md "Lab layout"):
//  - desk (a full page lab at least DESK_MIN wide): scenario, playback and the stage on the left;
//    the design controls, full metrics and the event log in a column on the right; knobs below;
//  - compact (phones, tablets, lessons, embeds): the design toggle, playback and the stage; the
//    rest below the first screen (pages) or in a "More controls" sheet (an embed never scrolls).
// `controls` trims it for lessons and embeds: full, minimal (design toggle, playback, stage, strip)
// or none (playback, stage, strip).

import { lazy, Suspense, useCallback, useId, useRef, useState, type ReactNode } from 'react'
import type { ScenarioId } from '../sim/scenarios/index.ts'
import { Segmented } from '../components/Segmented.tsx'
import { designSwitchMark } from '../store/designSwitch.ts'
import { useLab, useLabStore } from '../store/LabContext.tsx'
import { useThrottledLab } from '../store/useThrottled.ts'
import { usePlayback } from '../store/usePlayback.ts'
import { Announcer } from './Announcer.tsx'
import { MetricsStrip } from './MetricsStrip.tsx'
import { ModeControls } from './ModeControls.tsx'
import { pageParts } from './labParts.ts'
import { OnDemand } from './onDemand.tsx'
import { PlaybackBar } from './PlaybackBar.tsx'
import { useShortcutKeys } from './Shortcuts.tsx'
import { Stage } from './stage/Stage.tsx'
import { StaleLegend } from './stage/StaleLegend.tsx'
import { useElementSize } from './useElementSize.ts'
import { useScreenHeight } from './useScreenHeight.ts'

// Parts not every lab shows at first paint load on demand: an embed with minimal controls never
// fetches the full metrics panel, the pickers or the knobs (first-load budget, docs/DECISIONS.md
// 2026-11-30). The desk's columns, the sections below the first screen and an embed's "More
// controls" sheet are LabPageParts.tsx (labParts.ts; pages that show them at once provide them).
const ShortcutsDialog = lazy(() => import('./ShortcutsDialog.tsx').then((m) => ({ default: m.ShortcutsDialog })))
const DesignSwitchNote = lazy(() => import('./DesignSwitchNote.tsx').then((m) => ({ default: m.DesignSwitchNote })))
const LabSettings = lazy(() => import('./LabSettings.tsx').then((m) => ({ default: m.LabSettings })))
const UserDetail = lazy(() => import('./stage/UserDetail.tsx').then((m) => ({ default: m.UserDetail })))
const TableView = lazy(() => import('./TableView.tsx').then((m) => ({ default: m.TableView })))
const ShareMenu = lazy(() => import('./share/ShareMenu.tsx').then((m) => ({ default: m.ShareMenu })))

export type ControlsLevel = 'full' | 'minimal' | 'none'
export type LabFit = 'page' | 'frame' | 'box' | 'grow'

/** A full page lab at least this wide (px) gets the two-column desk arrangement. */
export const DESK_MIN = 1100

export interface LabProps {
  controls?: ControlsLevel
  picker?: boolean
  onScenarioChange?: (id: ScenarioId) => void
  label?: string
  /** How tall the first screen is; default: page for a full lab, box otherwise. */
  fit?: LabFit
  /** Small extras at the end of the metrics strip (an embed's "Open full lab"). */
  stripExtras?: ReactNode
}

export function Lab({ controls = 'full', picker = true, onScenarioChange, label = 'Lab', fit: fitProp, stripExtras }: LabProps) {
  const store = useLabStore()
  usePlayback(store)
  const root = useRef<HTMLDivElement>(null)
  const stageCard = useRef<HTMLDivElement>(null)
  const fit = fitProp ?? (controls === 'full' ? 'page' : 'box')
  const width = useElementSize(root).width
  const screenHeight = useScreenHeight(root, fit === 'page')
  const desk = fit === 'page' && controls === 'full' && width >= DESK_MIN
  const [help, setHelp] = useState(false)
  // The dialog's code loads the first time it is opened, then stays (so it can close).
  const [helpLoaded, setHelpLoaded] = useState(false)
  const openHelp = useCallback(() => {
    setHelpLoaded(true)
    setHelp(true)
  }, [])
  const onKeyDown = useShortcutKeys(store, openHelp)
  const full = controls === 'full'
  // An auto-height embed showing the table view lets the table set the height (the host grows the frame).
  const tableView = useLab((s) => s.view === 'table')
  const natural = fit === 'grow' && tableView

  // Pressing Play must show the stage, not just a ticking clock: bring it into view if it is mostly off screen.
  const revealStage = useCallback(() => {
    const el = stageCard.current
    if (!el || fit === 'frame') return
    const r = el.getBoundingClientRect()
    const visible = Math.max(0, Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0))
    if (visible < r.height * 0.5) el.scrollIntoView({ block: 'nearest', behavior: document.documentElement.dataset.motion === 'reduce' ? 'auto' : 'smooth' })
  }, [fit])

  // The clock and the timeline change 20 times a second: on a layer of their own they repaint alone.
  const playback = (
    <div className="[contain:layout_paint] [will-change:transform]">
      <PlaybackBar compact={!desk} onPlay={revealStage} />
    </div>
  )
  const card = <StageCard ref={stageCard} desk={desk} controls={controls} extras={stripExtras} onHelp={openHelp} overlayDetail={!desk} natural={natural} />
  const screenStyle = fit === 'page' ? { height: screenHeight } : undefined

  return (
    <div
      ref={root}
      role="region"
      aria-label={label}
      tabIndex={0}
      onKeyDown={onKeyDown}
      className={`lab rounded-xl outline-offset-4 ${fit === 'frame' ? 'flex min-h-0 flex-1 flex-col' : ''}`}
      data-testid="lab"
      data-arrangement={desk ? 'desk' : 'compact'}
      data-fit={fit}
    >
      <Announcer />
      <LoadError />
      {helpLoaded && (
        <Suspense fallback={null}>
          <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
        </Suspense>
      )}
      {desk ? (
        // Until its columns arrive (pages provide them up front: labParts.ts), the stage alone.
        <OnDemand
          part={pageParts}
          what="The lab’s side column"
          fallback={
            <div className="lab-screen flex flex-col gap-3" style={screenStyle} data-testid="lab-screen">
              {playback}
              {card}
            </div>
          }
        >
          {(m) => <m.LabDesk picker={picker} onScenarioChange={onScenarioChange} screenStyle={screenStyle} playback={playback} card={card} selectedUser={<SelectedUser />} />}
        </OnDemand>
      ) : (
        <>
          <div className={`lab-screen flex min-h-0 flex-col gap-2 ${fit === 'frame' ? 'flex-1' : ''} ${fit === 'box' ? 'lab-box' : ''} ${fit === 'grow' && !natural ? 'lab-grow' : ''}`} style={screenStyle} data-testid="lab-screen">
            {/* The design toggle and playback share a row when there is room, and wrap when not. */}
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              {controls !== 'none' && (
                <div className="flex flex-wrap items-center gap-2">
                  <ModeControls part="toggle" />
                  {fit === 'frame' && full && <MoreSheet />}
                  {fit === 'page' && full && <JumpToMore picker={picker} />}
                </div>
              )}
              <div className="min-w-[min(100%,22rem)] flex-1">{playback}</div>
            </div>
            {card}
          </div>
          {fit !== 'frame' && controls !== 'none' && (
            // Below the first screen (LabPageParts.tsx, on demand).
            <OnDemand part={pageParts} what="The lab’s controls below the stage">
              {(m) => <m.BelowScreen id={MORE_ID} picker={picker} full={full} onScenarioChange={onScenarioChange} onHelp={openHelp} />}
            </OnDemand>
          )}
        </>
      )}
    </div>
  )
}

const MORE_ID = 'lab-more'

/** The stage (or the table view), a user's details over it on compact screens, and the metrics strip. */
function StageCard({ ref, desk, controls, extras, onHelp, overlayDetail, natural }: { ref: React.Ref<HTMLDivElement>; desk: boolean; controls: ControlsLevel; extras: ReactNode; onHelp(): void; overlayDetail: boolean; natural: boolean }) {
  const store = useLabStore()
  const view = useLab((s) => s.view)
  return (
    // A layer of its own: the stage and the strip repaint without repainting the page around them.
    <div ref={ref} className="flex min-h-0 flex-1 flex-col gap-2 rounded-xl border border-line bg-card p-2 [will-change:transform] sm:p-3" data-testid="stage-card">
      {desk && (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Segmented
            label="View"
            hideLabel
            value={view}
            onChange={(v) => store.getState().setView(v)}
            options={[
              { value: 'stage', label: 'Animated stage' },
              { value: 'table', label: 'Table view' },
            ]}
          />
          <Suspense fallback={null}>
            <LabSettings onHelp={onHelp} />
            <ShareMenu />
          </Suspense>
        </div>
      )}
      <SwitchNote />
      <div className="relative min-h-0 flex-1">
        {view === 'stage' ? (
          <Stage />
        ) : (
          <div className={natural ? '' : 'absolute inset-0 overflow-auto'}>
            <Suspense fallback={<p className="text-sm text-muted">Loading the table view…</p>}>
              <TableView />
            </Suspense>
          </div>
        )}
        {overlayDetail && (
          <div className="pointer-events-none absolute inset-x-0 bottom-0 z-30 flex justify-center">
            <div className="pointer-events-auto max-h-[85%] w-full max-w-md overflow-auto shadow-lg">
              <SelectedUser />
            </div>
          </div>
        )}
      </div>
      <MetricsStrip>
        {view === 'stage' && <StaleLegend />}
        {!desk && controls !== 'none' && <ViewToggle />}
        {extras}
      </MetricsStrip>
    </div>
  )
}

/** The mark of a mid-run design switch (its code loads the first time there is one). */
function SwitchNote() {
  const switched = useThrottledLab((s) => designSwitchMark(s) !== null, 200)
  return switched ? (
    <Suspense fallback={null}>
      <DesignSwitchNote />
    </Suspense>
  ) : null
}

/** The selected user's browser (its code loads the first time someone is selected). */
function SelectedUser() {
  const selected = useLab((s) => s.selectedUser !== null)
  return selected ? (
    <Suspense fallback={null}>
      <UserDetail />
    </Suspense>
  ) : null
}

/** Compact screens: one small button between the animated stage and the table view. */
function ViewToggle() {
  const store = useLabStore()
  const view = useLab((s) => s.view)
  return (
    <button
      type="button"
      onClick={() => store.getState().setView(view === 'stage' ? 'table' : 'stage')}
      className="rounded-md border border-line px-2 py-1 text-xs font-medium hover:bg-soft"
      data-testid="view-toggle"
    >
      {view === 'stage' ? 'Table view' : 'Animated stage'}
    </button>
  )
}

/** Phones: the pickers, knobs, metrics and log are below the first screen, one tap away. */
function JumpToMore({ picker }: { picker: boolean }) {
  return (
    <button
      type="button"
      className="mb-0.5 rounded-md border border-line px-2.5 py-1.5 text-sm font-medium hover:bg-soft"
      onClick={() => {
        const el = document.getElementById(MORE_ID)
        el?.focus({ preventScroll: true })
        el?.scrollIntoView({ block: 'start' })
      }}
      data-testid="jump-to-more"
    >
      {picker ? 'Scenario & more ↓' : 'More controls ↓'}
    </button>
  )
}

/** Embeds with full controls: the rest opens in a sheet, so the frame itself never scrolls. */
function MoreSheet() {
  const [open, setOpen] = useState(false)
  // The sheet and what it holds load when first opened (an embed's first download stays small).
  const [loaded, setLoaded] = useState(false)
  const titleId = useId()
  return (
    <>
      <button type="button" className="mb-0.5 rounded-md border border-line px-2.5 py-1.5 text-sm font-medium hover:bg-soft" onClick={() => {
          setLoaded(true)
          setOpen(true)
        }}
        aria-haspopup="dialog"
        data-testid="more-controls"
      >
        More controls
      </button>
      {loaded && (
        <OnDemand part={pageParts} what="More controls">
          {(m) => <m.MoreSheetBody open={open} onClose={() => setOpen(false)} titleId={titleId} />}
        </OnDemand>
      )}
    </>
  )
}

/** A run under another load balancer whose code could not be fetched: the current run goes on, and says why. */
function LoadError() {
  const error = useLab((s) => s.loadError)
  if (error === null) return null
  return (
    <p role="alert" className="mb-2 rounded-lg border border-bad bg-card p-2 text-sm" data-testid="lab-load-error">
      {error}
    </p>
  )
}
