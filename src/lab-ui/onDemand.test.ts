// The on-demand part's loader: fetched once (a failure kept, for the notice), and synchronous once a
// page provides the module (React's `use` reads `status`/`value` without suspending).

import { describe, expect, it } from 'vitest'
import { onDemand } from './onDemand.tsx'

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('onDemand', () => {
  it('imports once, and marks the promise fulfilled with the module', async () => {
    let calls = 0
    const part = onDemand(() => {
      calls++
      return Promise.resolve({ x: 1 })
    })
    const p = part.load()
    expect(part.load()).toBe(p)
    expect(p.status).toBe('pending')
    await settle()
    expect(p.status).toBe('fulfilled')
    expect(p.value).toEqual({ x: 1 })
    expect(calls).toBe(1)
  })

  it('keeps a failed fetch, so React sees the same rejected promise and shows the notice', async () => {
    let calls = 0
    const part = onDemand(() => {
      calls++
      return Promise.reject(new Error('offline'))
    })
    const first = part.load()
    await first.catch(() => undefined)
    await settle()
    expect(first.status).toBe('rejected')
    expect(part.load()).toBe(first)
    expect(calls).toBe(1)
  })

  it('is fulfilled at once when the page provides the module, without importing', () => {
    let calls = 0
    const part = onDemand(() => {
      calls++
      return Promise.resolve('imported')
    })
    part.provide('provided')
    const p = part.load()
    expect(p.status).toBe('fulfilled')
    expect(p.value).toBe('provided')
    expect(calls).toBe(0)
  })
})
