import { describe, expect, it } from 'vitest'
import { cmiTimespan } from './cmiTime.ts'

describe('cmiTimespan (SCORM 1.2 HHHH:MM:SS.SS)', () => {
  it('formats durations', () => {
    expect(cmiTimespan(0)).toBe('0000:00:00.00')
    expect(cmiTimespan(62_500)).toBe('0000:01:02.50')
    expect(cmiTimespan(3_600_000 * 12 + 59_994)).toBe('0012:00:59.99')
    expect(cmiTimespan(59_999)).toBe('0000:01:00.00')
  })
  it('clamps nonsense to the format’s range', () => {
    expect(cmiTimespan(-5)).toBe('0000:00:00.00')
    expect(cmiTimespan(Number.NaN)).toBe('0000:00:00.00')
    expect(cmiTimespan(1e15)).toBe('9999:59:59.99')
  })
})
