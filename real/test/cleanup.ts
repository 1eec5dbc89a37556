// The cleanup checks of test:real: a harness killed in the middle of a replay (SIGTERM — what Ctrl-C
// also triggers — and SIGKILL, which no handler sees) must leave no process behind — no nginx,
// HAProxy, Redis, PostgreSQL or app server — and no temp dir.

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { alive } from '../../conformance/lib/process.ts'
import { sleep } from '../../conformance/lib/net.ts'

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url))

/** Processes whose command line mentions `dir` (what a replay started, by its files). */
function processesUsing(dir: string): number[] {
  const out: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      if (cmd.includes(dir)) out.push(Number(entry))
    } catch {
      // gone
    }
  }
  return out
}

async function killMidRun(args: string[], signal: NodeJS.Signals): Promise<{ ok: boolean; detail: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args, '--clock', 'real'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let err = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (d: string) => (err += d))
  const what = `${args[1]} killed with ${signal}`
  try {
    const deadline = Date.now() + 60_000
    let dir: string | null = null
    while (dir === null && Date.now() < deadline) {
      const m = /files: (\/\S+?)\/[a-z-]+\.(conf|cfg)/.exec(err)
      if (m) dir = m[1]!
      else if (child.exitCode !== null) return { ok: false, detail: `${what}: the replay ended before it was running: ${err.trim().split('\n').pop()}` }
      else await sleep(50)
    }
    if (dir === null) return { ok: false, detail: `${what}: the replay did not start within 60 s` }
    await sleep(1500) // mid-run: users are sending requests
    const pids = fs
      .readFileSync(`${dir}/pids`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => Number(l.split(' ')[0]))
    const before = processesUsing(dir)
    // The port claims it holds (real/stack/portClaims.ts): gone with it too.
    const claims = fs.readFileSync(`${dir}/claims`, 'utf8').split('\n').filter(Boolean)
    const claimed = (): string[] => claims.filter((f) => fs.existsSync(f) && fs.readFileSync(f, 'utf8').trim() === String(child.pid))
    child.kill(signal)
    const until = Date.now() + 15_000
    while (Date.now() < until && (fs.existsSync(dir) || pids.some(alive) || processesUsing(dir).length > 0 || alive(child.pid!) || claimed().length > 0)) await sleep(100)
    const left = [...new Set([...pids.filter(alive), ...processesUsing(dir)])]
    if (left.length > 0 || fs.existsSync(dir) || claimed().length > 0) {
      return { ok: false, detail: `${what}: left ${left.length} process${left.length === 1 ? '' : 'es'} (${left.join(', ')})${fs.existsSync(dir) ? ` and ${dir}` : ''}${claimed().length > 0 ? ` and ${claimed().length} port claim(s)` : ''}` }
    }
    return { ok: true, detail: `${what}: ${before.length} processes (${pids.length} recorded), its ${claims.length} port claims and its temp dir are gone` }
  } finally {
    if (child.exitCode === null && child.pid !== undefined && alive(child.pid)) child.kill('SIGKILL')
  }
}

export async function cleanupChecks(): Promise<{ ok: boolean; detail: string }[]> {
  return [
    await killMidRun(['--scenario', 'websocket-affinity', '--policy', 'cookie', '--storage', 'shared'], 'SIGTERM'),
    await killMidRun(['--scenario', 'database-store'], 'SIGKILL'),
  ]
}
