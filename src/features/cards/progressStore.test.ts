import { describe, expect, it } from 'vitest'
import { createSafeStorage } from '../../store/safeStorage.ts'
import { BACKUP_KEY, createProgressStore, STORAGE_KEY } from './progressStore.ts'
import { createScheduler, Rating } from './scheduler.ts'

/** A Storage double: a Map, or one that throws like a sandboxed iframe. */
function memoryStorage(seed: Record<string, string> = {}, { quota = Infinity } = {}): Storage {
  const m = new Map(Object.entries(seed))
  return {
    get length() {
      return m.size
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => {
      if (v.length > quota) throw new DOMException('full', 'QuotaExceededError')
      m.set(k, v)
    },
  }
}

const scheduler = createScheduler({ fuzz: false })
const now = new Date('2025-03-10T09:00:00.000Z')

describe('the progress store', () => {
  it('saves each grade and a new store (a reload) reads it back', () => {
    const backing = memoryStorage()
    const a = createProgressStore(createSafeStorage(backing), scheduler)
    a.getState().grade('cookie-flow', Rating.Good, now)
    expect(JSON.parse(backing.getItem(STORAGE_KEY) ?? 'null')).toMatchObject({ version: 2, cards: { 'cookie-flow': { reps: 1 } } })
    const b = createProgressStore(createSafeStorage(backing), scheduler)
    expect(b.getState().doc).toEqual(a.getState().doc)
    expect(b.getState().recovery).toBeNull()
    expect(b.getState().undo()).toBe('cookie-flow')
    expect(JSON.parse(backing.getItem(STORAGE_KEY) ?? 'null')?.cards).toEqual({})
  })

  it('does not write anything just by loading', () => {
    const backing = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ version: 1, cards: {} }) })
    createProgressStore(createSafeStorage(backing), scheduler)
    expect(backing.getItem(STORAGE_KEY)).toBe('{"version":1,"cards":{}}')
  })

  it('keeps a backup of corrupted data, starts afresh and says so', () => {
    const garbage = '{"version":2,"cards":{"a":'
    const backing = memoryStorage({ [STORAGE_KEY]: garbage })
    const store = createProgressStore(createSafeStorage(backing), scheduler)
    const s = store.getState()
    expect(s.doc.cards).toEqual({})
    expect(s.recovery).toMatchObject({ kind: 'corrupt', raw: garbage, backedUp: true })
    expect(backing.getItem(BACKUP_KEY)).toBe(garbage)
    // The fresh start replaced the garbage, so the next visit is clean.
    expect(createProgressStore(createSafeStorage(backing), scheduler).getState().recovery).toBeNull()
  })

  it('when the backup cannot be written, the damaged data stays until the learner studies', () => {
    const garbage = 'x'.repeat(50)
    const backing = memoryStorage({ [STORAGE_KEY]: garbage }, { quota: 40 })
    const store = createProgressStore(createSafeStorage(backing), scheduler)
    expect(store.getState().recovery).toMatchObject({ backedUp: false, raw: garbage })
    expect(backing.getItem(STORAGE_KEY)).toBe(garbage)
  })

  it('keeps readable cards when only some are damaged', () => {
    const seed = createProgressStore(createSafeStorage(memoryStorage()), scheduler)
    seed.getState().grade('a', Rating.Good, now)
    const doc = seed.getState().doc
    const raw = JSON.stringify({ ...doc, cards: { ...doc.cards, b: { due: 5 } } })
    const backing = memoryStorage({ [STORAGE_KEY]: raw })
    const store = createProgressStore(createSafeStorage(backing), scheduler)
    expect(Object.keys(store.getState().doc.cards)).toEqual(['a'])
    expect(store.getState().recovery).toMatchObject({ kind: 'partial', backedUp: true })
    expect(store.getState().recovery?.message).toContain('1 card')
    expect(backing.getItem(BACKUP_KEY)).toBe(raw)
  })

  it('works in memory when storage is blocked', () => {
    const blocked = createSafeStorage(null)
    const store = createProgressStore(blocked, scheduler)
    expect(store.getState().persistent).toBe(false)
    store.getState().grade('a', Rating.Good, now)
    expect(store.getState().doc.cards.a?.reps).toBe(1)
    expect(store.getState().saveFailed).toBe(false)
  })

  it('flags a failing save (quota) and clears the flag when saving works again', () => {
    let quota = 10
    const m = new Map<string, string>()
    const backing = { ...memoryStorage(), getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => { if (v.length > quota) throw new DOMException('full', 'QuotaExceededError'); m.set(k, v) } } as Storage
    const store = createProgressStore(createSafeStorage(backing), scheduler)
    store.getState().grade('a', Rating.Good, now)
    expect(store.getState().saveFailed).toBe(true)
    quota = Infinity
    store.getState().grade('b', Rating.Good, now)
    expect(store.getState().saveFailed).toBe(false)
    expect(Object.keys(JSON.parse(m.get(STORAGE_KEY) ?? 'null')?.cards ?? {})).toEqual(['a', 'b'])
  })

  it('reset deck and import can be taken back', () => {
    const store = createProgressStore(createSafeStorage(memoryStorage()), scheduler)
    store.getState().grade('a', Rating.Good, now)
    const before = store.getState().doc
    store.getState().resetDeck()
    expect(store.getState().doc.cards).toEqual({})
    expect(store.getState().snapshot?.label).toBe('Progress reset')
    store.getState().restoreSnapshot()
    expect(store.getState().doc).toEqual(before)
    expect(store.getState().snapshot).toBeNull()
  })
})
