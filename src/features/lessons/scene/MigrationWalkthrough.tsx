// Lesson 12's hands-on part: the five migration stages as buttons that act on a running lab, with
// the unexpected-logout counter in plain sight. Each stage unlocks after the previous one has had
// 10 s of simulated time to show its effect.

import { useId, useState } from 'react'
import { Button } from '../../../components/Button.tsx'
import { liveSessionCount, liveSessions, appliedScript } from '../../../lab-ui/engine.ts'
import { stateInMemory } from '../../../store/design.ts'
import { createLabStore, type LabState, type LabStore } from '../../../store/labStore.ts'
import { LabProvider } from '../../../store/LabContext.tsx'
import { useThrottledLab } from '../../../store/useThrottled.ts'
import { formatClock, formatDuration } from '../../../lab-ui/format.ts'
import { Lab } from '../../../lab-ui/Lab.tsx'
import * as labPageParts from '../../../lab-ui/LabPageParts.tsx'
import { pageParts } from '../../../lab-ui/labParts.ts'
import { MIGRATION_STAGES, nextStage, stageTimes, WALKTHROUGH_INIT } from './migrationStages.ts'

// A lesson's lab shows its pickers and panels below the stage at once, in the prose (no shift).
pageParts.provide(labPageParts)

export function MigrationWalkthrough() {
  const [store] = useState<LabStore>(() => createLabStore(WALKTHROUGH_INIT))
  return (
    <LabProvider store={store}>
      <Walkthrough store={store} />
    </LabProvider>
  )
}

function snapshot(s: LabState) {
  const sim = s.sim
  return {
    now: sim.now,
    playing: s.playing,
    logouts: sim.counters.unexpectedLogouts,
    policy: sim.config.policy,
    storage: sim.config.storage,
    ttlMs: sim.config.cookie.ttlMs,
    canary: sim.config.canaryPercent,
    idempotency: sim.config.idempotencyKeys,
    applied: appliedScript(s.timeline, sim),
    // Once sessions live in the store, the copies a server still has in memory are never read again:
    // it keeps nothing a user depends on (as the stage, which stops drawing them).
    inMemory: stateInMemory(sim.config),
    memory: sim.servers
      .filter((srv) => srv.status !== 'removed')
      .map((srv) =>
        stateInMemory(sim.config)
          ? { id: srv.id, sessions: liveSessionCount(sim, srv), carts: liveSessions(srv.memory, sim.now, sim.config.sessionIdleMs).filter((x) => x.cart > 0).length }
          : { id: srv.id, sessions: 0, carts: 0 },
      ),
    inStore: sim.sessionStore.sessions.size,
  }
}

function Walkthrough({ store }: { store: LabStore }) {
  const view = useThrottledLab(snapshot, 200)
  const [inventoryAt, setInventoryAt] = useState<number | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const headingId = useId()
  const times = stageTimes(view.applied, inventoryAt, view.now)
  const next = nextStage(times, view.now)
  const finished = next === null && view.now - times[times.length - 1]! >= 10_000

  const apply = (index: number) => {
    const lab = store.getState()
    const at = lab.sim.now
    if (index === 0) setInventoryAt(at)
    for (const iv of MIGRATION_STAGES[index]!.apply) store.getState().intervene(iv)
    if (!store.getState().playing) {
      store.getState().setSpeed(4)
      store.getState().play()
    }
    setAnnouncement(`Step ${index + 1} applied at ${formatClock(at)}. Unexpected logouts so far: ${store.getState().sim.counters.unexpectedLogouts}.`)
  }
  const restart = () => {
    store.getState().load(WALKTHROUGH_INIT)
    setInventoryAt(null)
    setAnnouncement('Walkthrough reset to the sticky starting point.')
  }

  return (
    <section className="lesson-walkthrough" aria-labelledby={headingId} data-testid="walkthrough">
      <header className="lesson-scene-head">
        <h3 id={headingId} className="lesson-walkthrough-title">
          Walk the plan: five steps on a live system
        </h3>
        <Button size="sm" onClick={restart} data-testid="walk-reset">
          Start over
        </Button>
      </header>

      <p className="lesson-walkthrough-state" data-testid="walk-state">
        <span>
          Unexpected logouts:{' '}
          <strong className={view.logouts > 0 ? 'text-bad' : 'text-ok'} data-testid="walk-logouts">
            {view.logouts}
          </strong>
        </span>
        <span>
          Routing: {view.policy === 'cookie' ? `cookie AWSALB, ${formatDuration(view.ttlMs)}` : view.policy}
          {view.canary > 0 && view.policy === 'cookie' ? `, ${view.canary} % canary without affinity` : ''}
        </span>
        <span>Sessions: {view.storage === 'memory' ? 'server memory' : view.storage === 'shared' ? 'shared store' : view.storage}</span>
        <span>Idempotency keys: {view.idempotency ? 'on' : 'off'}</span>
      </p>

      <ol className="lesson-steps">
        {MIGRATION_STAGES.map((stage, i) => {
          const doneAt = times[i] ?? null
          const isNext = next?.index === i
          const waiting = isNext && next.waitMs > 0
          return (
            <li key={stage.title} className="lesson-step" data-done={doneAt !== null || undefined} data-testid={`walk-step-${i + 1}`}>
              <div className="flex-1">
                <p className="font-semibold">
                  {i + 1}. {stage.title}
                </p>
                <p className="text-sm text-muted">{stage.does}</p>
                {doneAt !== null && (
                  <p className="text-sm text-ok">
                    <span aria-hidden="true">✓ </span>Applied at {formatClock(doneAt)}
                  </p>
                )}
                {waiting && <p className="text-sm text-muted">Watch the counter: unlocks in {Math.ceil(next.waitMs / 1000)} s of simulated time.</p>}
              </div>
              {doneAt === null && (
                <Button look={isNext && !waiting ? 'primary' : 'secondary'} size="sm" disabled={!isNext || waiting} onClick={() => apply(i)} data-testid={`walk-apply-${i + 1}`}>
                  Apply step {i + 1}
                </Button>
              )}
            </li>
          )
        })}
      </ol>

      {times[0] !== null && (
        <div className="lesson-inventory" data-testid="walk-inventory">
          <p className="font-semibold">Inventory: what each server keeps in memory right now</p>
          <ul>
            {view.memory.map((m) => (
              <li key={m.id}>
                Server {m.id}: {m.sessions} session{m.sessions === 1 ? '' : 's'}
                {m.carts > 0 ? `, ${m.carts} with a cart` : ''}
                {!view.inMemory && ' — nothing a user depends on'}
              </li>
            ))}
            <li>Shared store: {view.inStore} session{view.inStore === 1 ? '' : 's'}</li>
          </ul>
        </div>
      )}

      {finished && (
        <p className="lesson-walkthrough-done" data-testid="walk-done">
          <span aria-hidden="true">✓ </span>Affinity is off, sessions live in the shared store, and the counter still reads {view.logouts} unexpected logout
          {view.logouts === 1 ? '' : 's'}.
        </p>
      )}

      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <div className="lesson-scene-lab not-prose">
        <p className="lesson-scene-lab-label">Live lab</p>
        <Lab controls="minimal" picker={false} label="Migration walkthrough lab" />
      </div>
    </section>
  )
}
