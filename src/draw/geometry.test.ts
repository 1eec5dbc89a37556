import { describe, expect, it } from 'vitest'
import { dotAt } from './geometry.ts'
import { anchors, base } from './testFixtures.ts'

describe('dot position from timestamps', () => {
  it('is nowhere before it is sent and after it arrives', () => {
    expect(dotAt(base, 999, anchors)).toBeNull()
    expect(dotAt(base, 1144, anchors)).toBeNull()
  })
  it('moves linearly from user to LB, waits at the server, and returns', () => {
    expect(dotAt(base, 1020, anchors)).toMatchObject({ x: 50, y: 0, phase: 'to-lb' })
    expect(dotAt(base, 1041, anchors)).toMatchObject({ x: 150, y: 0, phase: 'to-server' })
    expect(dotAt(base, 1070, anchors)).toMatchObject({ x: 200, y: 0, phase: 'at-server' })
    expect(dotAt(base, 1124, anchors)).toMatchObject({ x: 50, y: 0, phase: 'to-user' })
  })
  it('stays at the server while still queued or in service', () => {
    const pending = { ...base, doneAt: -1, lbBackAt: -1, receivedAt: -1 }
    expect(dotAt(pending, 5000, anchors)).toMatchObject({ x: 200, y: 0, phase: 'at-server' })
  })
  it('visits a refusing server, bounces back to the LB, then goes to the next', () => {
    const retried = { ...base, refused: [{ server: 'B' as const, at: 1042 }], server: 'A' as const, serverAt: 1046 }
    expect(dotAt(retried, 1043, anchors)).toMatchObject({ x: 150, y: 50, phase: 'refused' })
    expect(dotAt(retried, 1045, anchors)).toMatchObject({ x: 150, y: 0, phase: 'to-server' })
  })
})
