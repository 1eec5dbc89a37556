import { describe, expect, it } from 'vitest'
import { lmsMetaTag, parseLmsConfig, type LmsConfig } from './config.ts'

describe('LMS package config', () => {
  const c: LmsConfig = { v: 1, id: 'sticky-sessions-lab-nginx', lessons: ['nginx'], start: '/learn/nginx', mastery: 80 }
  it('round-trips through the meta tag the packager writes', () => {
    const tag = lmsMetaTag(c)
    const content = /content="([^"]*)"/.exec(tag)![1]!.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&amp;', '&')
    expect(parseLmsConfig(content)).toEqual(c)
  })
  it('rejects anything malformed', () => {
    for (const raw of [null, '', '{', '[]', '{"v":2}', JSON.stringify({ ...c, lessons: [] }), JSON.stringify({ ...c, id: '../x' }), JSON.stringify({ ...c, start: 'javascript:alert(1)' }), JSON.stringify({ ...c, lessons: ['<b>'] })]) {
      expect(parseLmsConfig(raw), String(raw)).toBeNull()
    }
    expect(parseLmsConfig(JSON.stringify({ ...c, mastery: 101 }))?.mastery).toBeNull()
  })
})
