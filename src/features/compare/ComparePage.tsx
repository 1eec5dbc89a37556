// #/compare: 2–4 designs on the same seed, users, traffic and interventions, driven by one clock.
// The setup comes from the URL (validated; a bad link gets a plain message and the default preset)
// and goes back into it on every change, so the address is always a link to this comparison.

import { useEffect, useMemo, useState } from 'react'
import { useRoute } from '../../app/router.ts'
import { Notice } from '../../components/Notice.tsx'
import { useMediaQuery } from '../../components/useMediaQuery.ts'
import { CompareColumn } from './CompareColumn.tsx'
import { CompareProvider, useCompare } from './CompareContext.tsx'
import { usePlayback } from '../../store/usePlayback.ts'
import { ComparePlaybackBar } from './ComparePlaybackBar.tsx'
import { createCompareStore, type CompareStore } from './compareStore.ts'
import { InterventionBar } from './InterventionBar.tsx'
import { LogoutsChart } from './LogoutsChart.tsx'
import { DEFAULT_PRESET, PRESETS } from './presets.ts'
import { Scoreboard } from './Scoreboard.tsx'
import { SetupPanel } from './SetupPanel.tsx'
import { decodeSetup, encodeSetup } from './urlCodec.ts'

// Tailwind needs whole class names: columns side by side on wide screens, stacked on phones.
const GRID: Record<number, string> = {
  2: 'lg:grid-cols-2',
  3: 'lg:grid-cols-3',
  4: 'md:grid-cols-2 xl:grid-cols-4',
  // Five columns would be too narrow for a stage side by side: three, then two.
  5: 'md:grid-cols-2 lg:grid-cols-3',
}

export default function ComparePage() {
  const route = useRoute()
  const decoded = useMemo(() => decodeSetup(route.query), [route.query])
  const [store] = useState<CompareStore>(() => createCompareStore(decoded.setup))
  usePlayback(store) // one clock for all columns: the controller advances each to the same moment

  // A link followed (or the address edited) while on the page: load it unless it is what's shown.
  useEffect(() => {
    const same = JSON.stringify(encodeSetup(store.getState().setup())) === JSON.stringify(encodeSetup(decoded.setup))
    if (!same) store.getState().load(decoded.setup)
  }, [decoded, store])

  return (
    <CompareProvider store={store}>
      <div className="mx-auto flex max-w-[1600px] flex-col gap-3 p-4">
        <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">Compare designs</h1>
          <p className="text-sm text-muted">Same seed, same users, same traffic, same interventions: only the design differs. One playback bar drives every column.</p>
        </header>
        {decoded.problems.length > 0 && (
          <Notice tone="warn" title="This comparison link could not be read">
            {decoded.problems.join(' ')} Showing the “{PRESETS[DEFAULT_PRESET].title}” preset instead.
          </Notice>
        )}
        <SetupPanel />
        <div className="sticky top-0 z-10 -mx-2 rounded-lg bg-page px-2 py-1">
          <ComparePlaybackBar />
        </div>
        <InterventionBar />
        <Board />
        <LogoutsChart />
      </div>
    </CompareProvider>
  )
}

/** Two designs on a wide screen: their columns and the scoreboard side by side, all on the first screen. */
function Board() {
  const two = useCompare((s) => s.columns.length === 2)
  const wide = useMediaQuery('(min-width: 1280px)')
  const side = two && wide
  return (
    <div className={side ? 'grid grid-cols-[minmax(0,1fr)_auto] items-start gap-4' : 'flex flex-col gap-4'} data-testid="compare-board">
      <Columns />
      <Scoreboard compact={side} />
    </div>
  )
}

function Columns() {
  const columns = useCompare((s) => s.columns)
  return (
    <div className={`grid grid-cols-1 items-start gap-4 ${GRID[columns.length] ?? ''}`} data-testid="compare-columns">
      {columns.map((c, i) => (
        <CompareColumn key={c.slot} index={i} column={c} removable={columns.length > 2} />
      ))}
    </div>
  )
}
