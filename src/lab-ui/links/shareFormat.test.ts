// The share-link format, frozen: links written before a change must read back exactly as they did,
// and the same run must write the same link. The fixture was generated once from the codec (every
// intervention kind, random runs, and hand-made payloads that must be refused with a given sentence);
// regenerate it only when the format version changes.

import { describe, expect, it } from 'vitest'
import { decodeRun } from './decode.ts'
import { encodeRun, type LinkedRun } from './encode.ts'
import fixture from './shareFormat.fixture.json'

const { written, read } = fixture as unknown as {
  written: { run: LinkedRun; link: string }[]
  read: { link: string; decoded: unknown }[]
}

describe('share-link format v1 (frozen)', () => {
  it('writes the same link for the same run', () => {
    for (const { run, link } of written) expect(encodeRun(run)).toBe(link)
  })

  it('reads every stored link exactly as before, refusals included', () => {
    for (const { link, decoded } of read) expect(decodeRun(link), link).toEqual(decoded)
  })

  it('covers the 23 intervention kinds of format v1 and some refusals', () => {
    const kinds = new Set(written.flatMap(({ run }) => run.script.map((x) => x.do.kind)))
    expect(kinds.size).toBe(23)
    expect(read.filter((r) => (r.decoded as { ok: boolean }).ok === false).length).toBeGreaterThan(15)
  })
})
