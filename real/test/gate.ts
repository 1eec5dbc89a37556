// The SYN gate's checks in test:real (real/stack/synGate.ts): a SYN it holds is refused only when let
// go, every other SYN passes at once, and a harness killed with SIGKILL (no handler runs) leaves no
// firewall rule and no gate process behind.

import { execFileSync, spawn } from 'node:child_process'
import net from 'node:net'
import { fileURLToPath } from 'node:url'
import { freePorts, sleep } from '../../conformance/lib/net.ts'
import { alive } from '../../conformance/lib/process.ts'
import { Owned } from '../stack/owned.ts'
import { iptablesBinary, SynGate } from '../stack/synGate.ts'

const CHILD = fileURLToPath(new URL('./gateChild.ts', import.meta.url))

/** Milliseconds until a connection to `port` on 127.0.0.1 is refused (or null if it connects). */
function refusedAfter(port: number): Promise<number | null> {
  const t = Date.now()
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1')
    c.once('connect', () => {
      c.destroy()
      resolve(null)
    })
    c.once('error', () => resolve(Date.now() - t))
  })
}

function rulesMention(chain: string): boolean {
  return execFileSync(iptablesBinary()!, ['-w', '-S'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes(chain)
}

async function holdsAndLetsGo(): Promise<{ ok: boolean; detail: string }> {
  const [held, other] = await freePorts(2, [])
  const owned = new Owned('real-gate-')
  try {
    const gate = await SynGate.start(owned, [held!, other!], () => undefined)
    await gate.hold(held!, 'a')
    const refusal = refusedAfter(held!)
    const passing = await refusedAfter(other!)
    await sleep(300)
    const stillHeld = gate.isHeld('a')
    await gate.release('a')
    const ms = await refusal
    const ok = stillHeld && ms !== null && ms >= 300 && passing !== null && passing < 100
    return { ok, detail: `a held SYN was refused after ${ms} ms, when let go (held ${stillHeld ? 'until then' : 'NOT'}); another port's in ${passing} ms` }
  } finally {
    owned.dispose()
  }
}

async function harnessKilled(): Promise<{ ok: boolean; detail: string }> {
  const [port] = await freePorts(1, [])
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (d: string) => (out += d))
  const deadline = Date.now() + 20_000
  const started = (): RegExpExecArray | null => /chain (\S+) pid (\d+)/.exec(out)
  while (!started() && Date.now() < deadline && child.exitCode === null) await sleep(50)
  const m = started()
  if (!m) {
    child.kill('SIGKILL')
    return { ok: false, detail: 'the stand-in harness did not start its gate' }
  }
  const [chain, pid] = [m[1]!, Number(m[2])]
  const before = rulesMention(chain)
  child.kill('SIGKILL')
  const until = Date.now() + 10_000
  while (Date.now() < until && (alive(pid) || rulesMention(chain))) await sleep(100)
  const ok = before && !alive(pid) && !rulesMention(chain)
  return { ok, detail: `a harness killed with SIGKILL: its gate ${alive(pid) ? 'still runs' : 'is gone'}, its iptables chain ${rulesMention(chain) ? 'is still there' : 'is gone'}${before ? '' : ' (the chain was never seen)'}` }
}

export async function gateChecks(): Promise<{ ok: boolean; detail: string }[]> {
  return [await holdsAndLetsGo(), await harnessKilled()]
}
