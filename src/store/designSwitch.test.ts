// designChanged: the design controls' "Scenario defaults" asks it every frame, so it keeps each
// overrides object's JSON; the answer must still follow the objects' contents.
import { describe, expect, it } from 'vitest'
import { designChanged } from './designSwitch.ts'

type Input = Parameters<typeof designChanged>[0]
const input = (overrides: object, initialOverrides: object): Input => ({ overrides, initialOverrides, timeline: { script: [] }, sim: { scriptCursor: 0 } }) as unknown as Input

describe('designChanged', () => {
  it('compares the overrides by content, not identity, and asks again for new objects', () => {
    const initial = { users: 5 }
    expect(designChanged(input({ users: 5 }, initial))).toBe(false)
    expect(designChanged(input({ users: 5, policy: 'round-robin' }, initial))).toBe(true)
    // The same initial object, asked again beside an equal copy: still unchanged.
    expect(designChanged(input({ users: 5 }, initial))).toBe(false)
    expect(designChanged(input({}, {}))).toBe(false)
  })
})
