// The scoreboard: every design's numbers side by side at the current moment, the best of each row
// marked with a star and the word "best" (never by colour alone).

import { formatClock } from '../../lab-ui/format.ts'
import { designLabel } from './design.ts'
import { bestColumns, formatCell, SCORE_ROWS } from './scoreboard.ts'
import { useThrottledCompare } from './useThrottledCompare.ts'

/** `compact`: beside two columns on a wide screen — short column heads, and each measure's explanation as its tooltip (still read out). */
export function Scoreboard({ compact = false }: { compact?: boolean }) {
  const sims = useThrottledCompare((s) => s.columns.map((c) => c.store.getState().sim), 250)
  const labels = useThrottledCompare((s) => s.columns.map((c) => designLabel(c.design)).join('\n'), 250).split('\n')
  const now = sims[0]?.now ?? 0
  return (
    <section aria-labelledby="scoreboard-h" className="flex flex-col gap-2 rounded-xl border border-line bg-card p-3">
      <h2 id="scoreboard-h" className="text-sm font-semibold">
        Scoreboard{compact && <span className="font-normal text-muted"> · ★ best in each row</span>}
      </h2>
      <p className={compact ? 'hidden' : 'text-xs text-muted'} aria-hidden="true">
        At {formatClock(now)}. ★ marks the best value in each row (nothing is marked when every design scores the same).
      </p>
      {/* Focusable so keyboard users can scroll it sideways on a phone. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Scoreboard table (scrolls sideways)">
        <table className={`w-full border-collapse text-sm ${compact ? '' : 'min-w-[28rem]'}`} data-testid="scoreboard">
          <caption className="sr-only">
            At {formatClock(now)}. ★ marks the best value in each row (nothing is marked when every design scores the same).
          </caption>
          <thead>
            <tr className="border-b border-line text-left">
              <th scope="col" className="py-1 pr-3 font-semibold">
                Measure
              </th>
              {labels.map((l, i) => (
                <th key={i} scope="col" className="px-2 py-1 align-bottom font-semibold" title={compact ? l : undefined}>
                  <span className="text-muted">{i + 1}.</span> {compact ? <ShortLabel label={l} /> : l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SCORE_ROWS.map((row) => {
              const cells = sims.map((s) => row.value(s))
              const best = bestColumns(cells, row.better)
              return (
                <tr key={row.id} className="border-b border-line last:border-0" data-testid={`score-${row.id}`}>
                  <th scope="row" className={`pr-3 text-left font-medium ${compact ? 'whitespace-nowrap py-0.5' : 'py-1'}`} title={compact ? row.hint : undefined}>
                    {row.label}
                    <span className={compact ? 'sr-only' : 'block text-[11px] font-normal text-muted'}>{compact ? `: ${row.hint}` : row.hint}</span>
                  </th>
                  {cells.map((c, i) => (
                    <td key={i} className={`tabular px-2 ${compact ? 'whitespace-nowrap py-0.5' : 'py-1'} ${best[i] ? 'font-semibold text-ok' : ''}`} data-best={best[i]} data-value={String(c)}>
                      {formatCell(c, row.unit)}
                      {best[i] && (
                        <span className="ml-1 whitespace-nowrap text-xs">
                          <span aria-hidden="true">★</span> best
                        </span>
                      )}
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}

/** "Sticky: Cookie affinity + server memory" → "Sticky"; a custom design keeps its whole name. */
function ShortLabel({ label }: { label: string }) {
  const i = label.indexOf(':')
  return i > 0 ? (
    <>
      {label.slice(0, i)}
      <span className="sr-only">{label.slice(i)}</span>
    </>
  ) : (
    <>{label}</>
  )
}
