// The conformance report: compared / mismatched counts per label, a total line, and a few mismatches.

export class Tally {
  private readonly counts = new Map<string, { compared: number; mismatched: number }>()

  count(label: string, ok: boolean): void {
    const c = this.counts.get(label) ?? { compared: 0, mismatched: 0 }
    c.compared++
    if (!ok) c.mismatched++
    this.counts.set(label, c)
  }

  get total(): { compared: number; mismatched: number } {
    let compared = 0
    let mismatched = 0
    for (const c of this.counts.values()) {
      compared += c.compared
      mismatched += c.mismatched
    }
    return { compared, mismatched }
  }

  /** The table: one line per label (sorted), then the total. `heading` names the label column. */
  print(heading: string, width = 36): void {
    console.log('')
    console.log(`${heading.padEnd(width)}compared  mismatches`)
    for (const [label, c] of [...this.counts.entries()].sort()) {
      console.log(`${label.padEnd(width)}${String(c.compared).padStart(8)}  ${String(c.mismatched).padStart(10)}`)
    }
    const t = this.total
    console.log(`${'total'.padEnd(width)}${String(t.compared).padStart(8)}  ${String(t.mismatched).padStart(10)}`)
  }
}

export const elapsed = (started: number): string => `${((Date.now() - started) / 1000).toFixed(1)} s`
