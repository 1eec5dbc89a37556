// Claims across processes (portClaims.ts): all or nothing, never two owners alive, a dead owner's claim taken over.

import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { claimFile, claimPorts, releaseClaims } from './portClaims.ts'

describe('port claims', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('claims a set, refuses a set that overlaps a live claim, and lets go', () => {
    expect(claimPorts([1001, 1002], dir)).toBe(true)
    expect(fs.readFileSync(claimFile(1001, dir), 'utf8')).toBe(String(process.pid))
    expect(claimPorts([1002, 1003], dir)).toBe(false)
    // All or nothing: 1003 was not kept.
    expect(fs.existsSync(claimFile(1003, dir))).toBe(false)
    releaseClaims([1001, 1002], dir)
    expect(fs.readdirSync(dir)).toEqual([])
    expect(claimPorts([1002, 1003], dir)).toBe(true)
  })

  it('another live process’s claim holds; a dead owner’s is taken over', () => {
    const other = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    const dead = Number(other.stdout)
    fs.writeFileSync(claimFile(2001, dir), String(dead))
    expect(claimPorts([2001], dir)).toBe(true)
    fs.writeFileSync(claimFile(2002, dir), String(process.ppid))
    expect(claimPorts([2002], dir)).toBe(false)
  })

  it('lets go only of its own claims', () => {
    fs.writeFileSync(claimFile(3001, dir), String(process.ppid))
    releaseClaims([3001], dir)
    expect(fs.existsSync(claimFile(3001, dir))).toBe(true)
  })
})
