import { describe, expect, it } from 'vitest'
import { differences, formatComparison, type Row } from './compare.ts'

const rows: Row[] = [
  { name: 'requests', real: 553, simulated: 553, same: true },
  { name: 'A requests', real: 306, simulated: 310, same: false },
  { name: 'A status', real: 'up', simulated: 'crashed', same: false },
]

describe('real against simulated', () => {
  it('names every figure that differs, real first, in one line', () => {
    expect(differences(rows)).toBe('A requests 306≠310, A status up≠crashed')
  })

  it('is empty when every figure agrees', () => {
    expect(differences(rows.filter((r) => r.same))).toBe('')
  })

  it('the printed table marks the figures that differ and counts them', () => {
    const text = formatComparison(rows, 'heading')
    expect(text).toContain('✗ differs')
    expect(text.trim().endsWith('2 figures differ')).toBe(true)
  })
})
