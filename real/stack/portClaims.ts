// Ports claimed across processes. Replays in one process share a set (stack.ts `reserved`); two
// processes — two `npm run real` in two terminals, or the suite beside a cleanup check — each saw the
// preferred ports free and both took them (one then failed with EADDRINUSE). A claim is a file per
// port in the system's temp dir, created exclusively and holding the owner's pid; a claim whose owner
// is gone (killed before it could let go) is taken over. The replay's reaper removes its claims too
// (owned.ts), so a harness killed with SIGKILL leaves none behind.

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { alive } from '../../conformance/lib/process.ts'

export const claimFile = (port: number, dir = os.tmpdir()): string => path.join(dir, `sticky-sessions-lab-port-${port}.claim`)

function claimOne(port: number, dir: string): boolean {
  const file = claimFile(port, dir)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
      return true
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const owner = Number(fs.readFileSync(file, 'utf8').trim())
      if (Number.isInteger(owner) && owner > 0 && (owner === process.pid || alive(owner))) return false
      fs.rmSync(file, { force: true })
    }
  }
  return false
}

/** Claims every port in `ports`, or none of them (returns false). */
export function claimPorts(ports: readonly number[], dir = os.tmpdir()): boolean {
  const got: number[] = []
  for (const p of ports) {
    if (!claimOne(p, dir)) {
      releaseClaims(got, dir)
      return false
    }
    got.push(p)
  }
  return true
}

/** Lets go of this process's claims on `ports`. */
export function releaseClaims(ports: readonly number[], dir = os.tmpdir()): void {
  for (const p of ports) {
    const file = claimFile(p, dir)
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true })
    } catch {
      // not ours, or already gone
    }
  }
}
