// The browser's path to the products: with an empty registry (as a page starts), a run under a product
// not loaded fails with a clear error; loading registers it; a lab's `load` under another product
// waits for that product and the latest load wins; a failed fetch leaves the run going and says why.
// (Every other test runs with all products registered: vitest.config.ts setupFiles.)

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as Registry from '../sim/products/engine/index.ts'
import type * as Loader from './productLoader.ts'
import type * as Store from './labStore.ts'

type Modules = { registry: typeof Registry; loader: typeof Loader; store: typeof Store }

async function fresh(): Promise<Modules> {
  vi.resetModules()
  return {
    registry: await import('../sim/products/engine/index.ts'),
    loader: await import('./productLoader.ts'),
    store: await import('./labStore.ts'),
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('products load on demand', () => {
  let m: Modules
  beforeEach(async () => {
    m = await fresh()
  })
  afterEach(() => {
    vi.doUnmock('../sim/products/engine/alb.ts')
  })

  it('starts with no product; a run under one not loaded fails with a sentence naming it', () => {
    expect(m.loader.productsReady(['haproxy'])).toBe(false)
    expect(() => m.store.createLabStore({ scenario: 'crash-sticky-memory' })).toThrow(m.registry.ProductNotLoadedError)
    expect(() => m.store.createLabStore({ scenario: 'crash-sticky-memory' })).toThrow(/HAProxy 2\.6: its code is not loaded/)
  })

  it('loads only what is asked; the same set gets the same promise', async () => {
    const p = m.loader.loadProducts(['haproxy'])
    expect(m.loader.loadProducts(['haproxy'])).toBe(p)
    await p
    expect(m.loader.productsReady(['haproxy'])).toBe(true)
    expect(m.loader.productsReady(['nginx'])).toBe(false)
    expect(m.store.createLabStore({ scenario: 'crash-sticky-memory' }).getState().sim.config.lb).toBe('haproxy')
  })

  it('the product a lab opens with: the scenario’s, unless the overrides name another', () => {
    expect(m.store.runNeeds({ scenario: 'crash-sticky-memory' }).lb).toBe('haproxy')
    expect(m.store.runNeeds({ scenario: 'ip-hash-nat-hotspot' }).lb).toBe('nginx')
    expect(m.store.runNeeds({ scenario: 'crash-sticky-memory', overrides: { lb: 'alb' } }).lb).toBe('alb')
  })

  it('a load under another product applies once its code is there, and the latest load wins', async () => {
    await m.loader.loadProducts(['haproxy'])
    const lab = m.store.createLabStore({ scenario: 'crash-sticky-memory' })
    lab.getState().load({ scenario: 'ip-hash-nat-hotspot' })
    expect(lab.getState().scenarioId).toBe('crash-sticky-memory') // still the old run, for now
    await m.loader.loadProducts(['nginx'])
    await settle()
    expect(lab.getState().scenarioId).toBe('ip-hash-nat-hotspot')
    expect(lab.getState().sim.config.lb).toBe('nginx')

    // A slow load overtaken by a later one (its product already there) never lands.
    lab.getState().load({ scenario: 'crash-sticky-memory', overrides: { lb: 'kube-proxy' } })
    lab.getState().load({ scenario: 'crash-sticky-memory' })
    expect(lab.getState().sim.config.lb).toBe('haproxy')
    await m.loader.loadProducts(['kube-proxy'])
    await settle()
    expect(lab.getState().sim.config.lb).toBe('haproxy')
  })

  it('the load balancer picker’s switch (setLb) waits for the product’s code too', async () => {
    await m.loader.loadProducts(['haproxy'])
    const lab = m.store.createLabStore({ scenario: 'crash-sticky-memory' })
    lab.getState().advance(5_000)
    lab.getState().setLb('cloudflare')
    expect(lab.getState().sim.config.lb).toBe('haproxy')
    await m.loader.loadProducts(['cloudflare'])
    await settle()
    expect(lab.getState().sim.config.lb).toBe('cloudflare')
    expect(lab.getState().sim.now).toBe(5_000)
  })

  it('a product whose code cannot be fetched: the run goes on and the lab says why', async () => {
    vi.doMock('../sim/products/engine/alb.ts', () => {
      throw new Error('network down')
    })
    await m.loader.loadProducts(['haproxy'])
    const lab = m.store.createLabStore({ scenario: 'crash-sticky-memory' })
    lab.getState().load({ scenario: 'crash-sticky-memory', overrides: { lb: 'alb' } })
    // The same rejected promise every time (React's `use` reads it again to show the error).
    expect(m.loader.loadProducts(['alb'])).toBe(m.loader.loadProducts(['alb']))
    await expect(m.loader.loadProducts(['alb'])).rejects.toThrow(/Could not load AWS ALB’s part of the lab \(.*\)\. Check the connection and reload\./)
    await settle()
    expect(lab.getState().sim.config.lb).toBe('haproxy')
    expect(lab.getState().loadError).toMatch(/Could not load AWS ALB’s part/)
  })
})

describe('load-balancer parts load on demand', () => {
  let m: Modules
  beforeEach(async () => {
    m = await fresh()
    await m.loader.loadProducts(['haproxy', 'nginx'])
  })
  afterEach(() => {
    vi.doUnmock('../sim/products/engine/haproxyHash.ts')
    vi.doUnmock('../sim/products/engine/nginxHash.ts')
  })

  it('a run needs the parts of the policies it starts with, switches to, or aims a forged header with', () => {
    expect(m.store.runNeeds({ scenario: 'crash-sticky-memory' })).toEqual({ lb: 'haproxy', parts: [] })
    expect(m.store.runNeeds({ scenario: 'ip-hash-nat-hotspot' })).toEqual({ lb: 'nginx', parts: ['nginx-ip-hash'] })
    expect(m.store.runNeeds({ scenario: 'consistent-hash-scaling' })).toEqual({ lb: 'nginx', parts: ['nginx-hash'] })
    expect(m.store.runNeeds({ scenario: 'shared-store' })).toEqual({ lb: 'nginx', parts: [] })
    expect(m.store.runNeeds({ scenario: 'crash-sticky-memory', overrides: { policy: 'ip-hash' } }).parts).toEqual(['haproxy-hash'])
    expect(m.store.runNeeds({ scenario: 'crash-sticky-memory', script: [{ at: 9_000, do: { kind: 'setPolicy', policy: 'header' } }] }).parts).toEqual(['haproxy-hash'])
    expect(m.store.runNeeds({ scenario: 'crash-sticky-memory', script: [{ at: 9_000, do: { kind: 'forgeHeader', user: 1, target: 'A' } }] }).parts).toEqual(['haproxy-hash'])
    // Under a product that can't hash, the stand-in decides (ALB has cookies for ip-hash).
    expect(m.store.runNeeds({ scenario: 'crash-sticky-memory', overrides: { lb: 'alb', policy: 'ip-hash' } }).parts).toEqual([])
  })

  it('the engine refuses, with a sentence, to route by a part it was never given', () => {
    const lab = m.store.createLabStore({ scenario: 'crash-sticky-memory', overrides: { policy: 'ip-hash' } })
    expect(() => lab.getState().advance(5_000)).toThrow(m.registry.PartNotLoadedError)
    expect(() => m.store.createLabStore({ scenario: 'crash-sticky-memory', overrides: { policy: 'ip-hash' } }).getState().advance(5_000)).toThrow(/\(haproxy-hash\) is not loaded/)
  })

  it('a load waits for its parts; a switch to a policy that needs one applies once it has arrived', async () => {
    const lab = m.store.createLabStore({ scenario: 'crash-sticky-memory' })
    lab.getState().load({ scenario: 'consistent-hash-scaling' })
    expect(lab.getState().scenarioId).toBe('crash-sticky-memory')
    await m.loader.loadParts(['nginx-hash'])
    await settle()
    expect(lab.getState().scenarioId).toBe('consistent-hash-scaling')

    lab.getState().load({ scenario: 'crash-sticky-memory' })
    lab.getState().advance(5_000)
    lab.getState().intervene({ kind: 'setPolicy', policy: 'ip-hash' })
    expect(lab.getState().sim.config.policy).toBe('cookie')
    expect(m.loader.partsReady(['haproxy-hash'])).toBe(false)
    await m.loader.loadParts(['haproxy-hash'])
    await settle()
    expect(lab.getState().sim.config.policy).toBe('ip-hash')
    lab.getState().advance(20_000)
    expect(lab.getState().sim.recent.some((r) => r.decision.startsWith('balance source'))).toBe(true)
  })

  it('the one-click design switch waits for its part and lands whole: storage and routing together', async () => {
    const lab = m.store.createLabStore({ scenario: 'shared-store' })
    lab.getState().advance(5_000)
    lab.getState().setMode('sticky') // nginx's Sticky: hash … consistent over server memory
    expect(lab.getState().sim.config).toMatchObject({ policy: 'round-robin', storage: 'shared' })
    expect(lab.getState().pendingMode).toBe('sticky') // the toggle shows the reader's choice meanwhile
    await m.loader.loadParts(['nginx-hash'])
    await settle()
    expect(lab.getState().sim.config).toMatchObject({ policy: 'hash-consistent', storage: 'memory' })
    expect(lab.getState().pendingMode).toBeNull()
    const switched = lab.getState().timeline.script.filter((x) => x.by !== 'scenario')
    expect(new Set(switched.map((x) => x.at)).size).toBe(1)
  })

  it('a part whose code cannot be fetched: the run goes on under its policy and the lab says why', async () => {
    vi.doMock('../sim/products/engine/haproxyHash.ts', () => {
      throw new Error('network down')
    })
    const lab = m.store.createLabStore({ scenario: 'crash-sticky-memory' })
    lab.getState().intervene({ kind: 'setPolicy', policy: 'header' })
    await expect(m.loader.loadParts(['haproxy-hash'])).rejects.toThrow(/Could not load a part of the lab’s load balancer \(haproxy-hash: .*\)\. Check the connection and reload\./)
    await settle()
    expect(lab.getState().sim.config.policy).toBe('cookie')
    expect(lab.getState().loadError).toMatch(/Could not load a part of the lab’s load balancer/)
    lab.getState().advance(5_000)
    expect(lab.getState().sim.counters.failed).toBe(0)
  })

  it('a design switch whose part cannot be fetched: the toggle goes back to the running design and the lab says why', async () => {
    vi.doMock('../sim/products/engine/nginxHash.ts', () => {
      throw new Error('network down')
    })
    const lab = m.store.createLabStore({ scenario: 'shared-store' })
    lab.getState().setMode('sticky')
    expect(lab.getState().pendingMode).toBe('sticky')
    await expect(m.loader.loadParts(['nginx-hash'])).rejects.toThrow(/Could not load a part/)
    await settle()
    expect(lab.getState().pendingMode).toBeNull()
    expect(lab.getState().sim.config).toMatchObject({ policy: 'round-robin', storage: 'shared' })
    expect(lab.getState().loadError).toMatch(/Could not load a part of the lab’s load balancer/)
  })
})
