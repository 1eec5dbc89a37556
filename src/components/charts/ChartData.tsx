// The data behind a chart as a table, for screen readers and anyone who prefers numbers: a
// "Show data" disclosure whose table is only built while it is open.

import { useState } from 'react'

export function ChartData({ caption, headers, rows }: { caption: string; headers: readonly string[]; rows: () => readonly (readonly (string | number)[])[] }) {
  const [open, setOpen] = useState(false)
  return (
    <details className="mt-1 text-xs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-muted">Show data</summary>
      {open && (
        // Focusable, so keyboard users can scroll a long table.
        <div className="mt-1 max-h-64 overflow-auto rounded border border-line" tabIndex={0} role="region" aria-label={`${caption}: data`}>
          <table className="w-full text-left tabular">
            <caption className="sr-only">{caption}</caption>
            <thead className="sticky top-0 bg-soft">
              <tr>
                {headers.map((h) => (
                  <th key={h} scope="col" className="px-2 py-1 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows().map((r, i) => (
                <tr key={i} className="border-t border-line">
                  {r.map((c, j) =>
                    j === 0 ? (
                      <th key={j} scope="row" className="px-2 py-0.5 font-normal">
                        {c}
                      </th>
                    ) : (
                      <td key={j} className="px-2 py-0.5">
                        {c}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  )
}
