// Lesson progress survives anything storage can hand back, and a lesson is done when all its
// prompts are (or its recap was reached).

import { describe, expect, it } from 'vitest'
import { parseProgress, withDone, withScene } from './progress.ts'

describe('lesson progress', () => {
  it('reads back what was saved', () => {
    const p = withScene({}, 'nginx', 1, 3)
    expect(parseProgress(JSON.stringify(p))).toEqual({ nginx: { scenes: [1], done: false } })
  })

  it('treats missing, corrupt or wrongly shaped data as no progress', () => {
    for (const raw of [null, '', '{', 'null', '42', '[]', '{"nginx": true}', '{"nginx": {"scenes": "1", "done": false}}', '{"a":{"scenes":[1],"done":"yes"}}', '{"a":{"scenes":[-1],"done":false}}', '{"a":{"scenes":[1.5],"done":false}}']) {
      expect(parseProgress(raw), String(raw)).toEqual({})
    }
  })

  it('marks a lesson done when every scene prompt is finished, counting each scene once', () => {
    let p = withScene({}, 'techniques', 0, 2)
    p = withScene(p, 'techniques', 0, 2)
    expect(p.techniques).toEqual({ scenes: [0], done: false })
    p = withScene(p, 'techniques', 1, 2)
    expect(p.techniques).toEqual({ scenes: [0, 1], done: true })
  })

  it('marks a lesson done when its recap is reached, keeping finished scenes', () => {
    const p = withDone(withScene({}, 'risks', 2, 5), 'risks')
    expect(p.risks).toEqual({ scenes: [2], done: true })
    expect(withDone(p, 'risks')).toBe(p)
  })
})
