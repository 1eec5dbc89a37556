// Lesson progress survives anything storage can hand back; predictions are remembered (the first
// one and whether it was right); a lesson is done only when every scene was answered right and run;
// "Resume where you left off" goes to the right place.

import { describe, expect, it } from 'vitest'
import { EMPTY, migrateV1, parseProgress, resumeTarget, tally, withPrediction, withRun, withVisit, type Progress } from './progress.ts'

const run = (p: Progress, slug: string, index: number, choice: number, right: boolean, sceneCount: number) => withRun(withPrediction(p, slug, index, choice, right), slug, index, sceneCount)

describe('lesson progress', () => {
  it('reads back what was saved, predictions included', () => {
    const p = run(EMPTY, 'nginx', 1, 2, false, 3)
    const back = parseProgress(JSON.stringify(p))
    expect(back).toEqual(p)
    expect(back.lessons.nginx!.scenes[1]).toEqual({ first: 2, firstRight: false, picked: 2, right: false, ran: true, solved: false })
    expect(back.lessons.nginx!.scenes[0]).toBeNull()
    expect(back.last).toEqual({ slug: 'nginx', scene: 1 })
  })

  it('treats missing, corrupt or wrongly shaped data as no progress', () => {
    for (const raw of [null, '', '{', 'null', '42', '[]', '{"lessons": []}', '{"lessons": {"a": true}}', '{"lessons": {"a": {"scenes": "1", "done": false}}}', '{"lessons":{"a":{"scenes":[{"first":-1,"firstRight":true,"picked":0,"right":true,"ran":true,"solved":true}],"done":false}}}', '{"lessons":{"a":{"scenes":[{"first":0}],"done":false}}}', '{"lessons":{"a":{"scenes":[],"done":"yes"}}}']) {
      expect(parseProgress(raw), String(raw)).toEqual(EMPTY)
    }
  })

  it('keeps the ticks of format 1 (which never recorded predictions) and nothing else', () => {
    expect(migrateV1('{"risks":{"scenes":[0,1],"done":true},"nginx":{"scenes":[1],"done":false}}')).toEqual({ lessons: { risks: { scenes: [], done: true } }, last: null })
    for (const raw of [null, '{', '[]', '7']) expect(migrateV1(raw)).toEqual(EMPTY)
  })

  it('remembers the first prediction even after trying again', () => {
    let p = run(EMPTY, 'techniques', 0, 1, false, 2)
    p = run(p, 'techniques', 0, 0, true, 2)
    expect(p.lessons.techniques!.scenes[0]).toEqual({ first: 1, firstRight: false, picked: 0, right: true, ran: true, solved: true })
    expect(tally(p, 'techniques', 2)).toEqual({ ran: 1, firstRight: 0, solved: 1 })
  })

  it('is done only when every scene was answered right and run — not when the scenes ran on wrong guesses', () => {
    let p = run(EMPTY, 'techniques', 0, 1, false, 2)
    p = run(p, 'techniques', 1, 2, false, 2)
    expect(tally(p, 'techniques', 2).ran).toBe(2)
    expect(p.lessons.techniques!.done).toBe(false)
    p = run(p, 'techniques', 0, 0, true, 2)
    expect(p.lessons.techniques!.done).toBe(false)
    // Predicted right but not run yet: still not done.
    p = withPrediction(p, 'techniques', 1, 0, true)
    expect(p.lessons.techniques!.done).toBe(false)
    p = withRun(p, 'techniques', 1, 2)
    expect(p.lessons.techniques!.done).toBe(true)
    // Done stays done when the learner tries a scene again.
    p = run(p, 'techniques', 1, 2, false, 2)
    expect(p.lessons.techniques!.done).toBe(true)
  })

  it('a run without a prediction changes nothing', () => {
    expect(withRun(EMPTY, 'nginx', 0, 1)).toBe(EMPTY)
  })

  it('resumes at the first unsolved scene of the last lesson, or the next lesson not done', () => {
    const lessons = [
      { slug: 'a', sceneCount: 2 },
      { slug: 'b', sceneCount: 3 },
      { slug: 'c', sceneCount: 1 },
    ]
    expect(resumeTarget(EMPTY, lessons)).toBeNull()
    expect(resumeTarget(withVisit(EMPTY, 'b'), lessons)).toEqual({ slug: 'b', scene: 0 })
    let p = run(EMPTY, 'b', 0, 0, true, 3)
    p = run(p, 'b', 2, 1, true, 3)
    expect(resumeTarget(p, lessons)).toEqual({ slug: 'b', scene: 1 })
    p = run(p, 'b', 1, 0, true, 3)
    expect(p.lessons.b!.done).toBe(true)
    expect(resumeTarget(p, lessons)).toEqual({ slug: 'c', scene: null })
    p = run(p, 'c', 0, 0, true, 1)
    expect(resumeTarget(p, lessons)).toBeNull()
    // Visiting another lesson moves the place; visiting the same one keeps the scene.
    expect(withVisit(p, 'c')).toBe(p)
    expect(resumeTarget(withVisit(p, 'a'), lessons)).toEqual({ slug: 'a', scene: 0 })
    expect(resumeTarget(withVisit(EMPTY, 'gone'), lessons)).toBeNull()
  })
})
