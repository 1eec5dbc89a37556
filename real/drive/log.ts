// What a replay tells the person running it: where everything listens, which config files it wrote,
// and (with the wall clock) a live log of requests, interventions and health verdicts.

import { interventionLabel, type Intervention } from '../../src/sim/interventions.ts'
import { formatClock } from '../../src/sim/trace.ts'
import type { Stack } from '../stack/stack.ts'

export interface ReplayLog {
  started(stack: Stack): void
  intervention(now: number, iv: Intervention): void
  line(now: number, text: string): void
  warn(text: string): void
}

/** Silent (the virtual clock's default: the report is the output). */
export const quietLog: ReplayLog = {
  started: () => undefined,
  intervention: () => undefined,
  line: () => undefined,
  warn: (text) => console.error(`warning: ${text}`),
}

/** Everything, on stderr, as it happens. */
export function liveLog(write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): ReplayLog {
  return {
    started(stack) {
      const p = stack.plan
      write(`${stack.lb.product} on http://127.0.0.1:${stack.lb.port}/ — try: curl -i -H 'X-Real-IP: 203.0.113.9' http://127.0.0.1:${stack.lb.port}/`)
      for (const [id, app] of stack.apps) write(`  app server ${id}: http://127.0.0.1:${app.port}/ (pid ${app.child.pid ?? '?'})`)
      if (stack.redis) write(`  redis-server: 127.0.0.1:${stack.redis.port}`)
      if (stack.postgres) write(`  postgres: unix socket in ${stack.postgres.socketDir} (database ${stack.postgres.database})`)
      write(`  files: ${stack.lb.files.join(', ')}`)
      write(`  scenario ${p.scenario}, seed ${p.seed}, policy ${p.config.policy}, storage ${p.config.storage}`)
    },
    intervention(now, iv) {
      write(`${formatClock(now)}  ▶ ${interventionLabel(iv)}`)
    },
    line(now, text) {
      write(`${formatClock(now)}  ${text}`)
    },
    warn(text) {
      write(`warning: ${text}`)
    },
  }
}
