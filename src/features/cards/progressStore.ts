// Study progress kept in localStorage (through safeStorage, which never throws) under one key with a
// schema version. Unreadable data is copied to a backup key, kept in memory for download, and the
// learner starts afresh with a notice; without storage, study works in memory and says so.

import { createStore, type StoreApi } from 'zustand/vanilla'
import type { FSRS, Grade } from 'ts-fsrs'
import type { SafeStorage } from '../../store/safeStorage.ts'
import { readProgress } from './progressUpgrade.ts'
import { emptyProgress, grade, resetCard, undoLast, type ProgressDoc } from './progress.ts'

export const STORAGE_KEY = 'ssl:cards'
export const BACKUP_KEY = 'ssl:cards:backup'

/** What happened to data we could not use as it was. */
export interface Recovery {
  readonly kind: 'corrupt' | 'newer' | 'partial'
  readonly message: string
  /** Exactly what was stored, for "Download the damaged data". */
  readonly raw: string
  /** Whether the copy under BACKUP_KEY succeeded. */
  readonly backedUp: boolean
}

export interface ProgressState {
  readonly doc: ProgressDoc
  /** False when storage is blocked: progress lives in memory only. */
  readonly persistent: boolean
  readonly saveFailed: boolean
  readonly recovery: Recovery | null
  /** The progress before a reset or an import, so either can be taken back. */
  readonly snapshot: { readonly label: string; readonly doc: ProgressDoc } | null
  grade(id: string, rating: Grade, now?: Date): void
  /** Undo the last grade; returns the card it restored. */
  undo(): string | null
  resetCard(id: string): void
  resetDeck(): void
  replaceWith(doc: ProgressDoc, label: string): void
  restoreSnapshot(): void
  forgetSnapshot(): void
  dismissRecovery(): void
  /** Re-read storage (another tab saved). */
  reload(): void
}

export type ProgressStore = StoreApi<ProgressState>

function load(storage: SafeStorage): { doc: ProgressDoc; recovery: Recovery | null } {
  const raw = storage.get(STORAGE_KEY)
  const read = readProgress(raw)
  if (read.kind === 'empty') return { doc: emptyProgress(), recovery: null }
  if (read.kind === 'ok' && read.dropped.length === 0) return { doc: read.doc, recovery: null }
  const backedUp = raw !== null && storage.available && storage.set(BACKUP_KEY, raw)
  if (read.kind === 'ok') {
    const n = read.dropped.length
    const message = `Progress for ${n} card${n === 1 ? '' : 's'} could not be read, so ${n === 1 ? 'it starts' : 'they start'} over. Everything else is intact.`
    return { doc: read.doc, recovery: { kind: 'partial', message, raw: raw ?? '', backedUp } }
  }
  return { doc: emptyProgress(), recovery: { kind: read.reason, message: `It could not be used because ${read.why}.`, raw: raw ?? '', backedUp } }
}

export function createProgressStore(storage: SafeStorage, scheduler: FSRS): ProgressStore {
  const first = load(storage)
  const store = createStore<ProgressState>((set, get) => ({
    doc: first.doc,
    persistent: storage.available,
    saveFailed: false,
    recovery: first.recovery,
    snapshot: null,
    grade(id, rating, now = new Date()) {
      set({ doc: grade(get().doc, scheduler, id, rating, now) })
    },
    undo() {
      const r = undoLast(get().doc, scheduler)
      if (!r) return null
      set({ doc: r.doc })
      return r.id
    },
    resetCard(id) {
      const doc = get().doc
      if (id in doc.cards) set({ snapshot: { label: 'Card reset', doc }, doc: resetCard(doc, id) })
    },
    resetDeck() {
      set({ snapshot: { label: 'Progress reset', doc: get().doc }, doc: emptyProgress() })
    },
    replaceWith(doc, label) {
      set({ snapshot: { label, doc: get().doc }, doc })
    },
    restoreSnapshot() {
      const s = get().snapshot
      if (s) set({ doc: s.doc, snapshot: null })
    },
    forgetSnapshot() {
      set({ snapshot: null })
    },
    dismissRecovery() {
      set({ recovery: null })
    },
    reload() {
      const raw = storage.get(STORAGE_KEY)
      const next = readProgress(raw)
      if (next.kind !== 'ok' || next.dropped.length > 0) return
      lastWritten = JSON.stringify(next.doc)
      set({ doc: next.doc })
    },
  }))
  // Save every change of the document (a few KB), and only changes: loading never rewrites storage.
  let lastWritten = JSON.stringify(first.doc)
  // Once the unreadable data is safe under BACKUP_KEY, the fresh start replaces it (so the notice
  // doesn't come back on every visit). Without a backup it stays until the learner studies.
  if (first.recovery?.backedUp) storage.set(STORAGE_KEY, lastWritten)
  store.subscribe((s, prev) => {
    if (s.doc === prev.doc || !storage.available) return
    const json = JSON.stringify(s.doc)
    if (json === lastWritten) return
    lastWritten = json
    const ok = storage.set(STORAGE_KEY, json)
    if (ok === s.saveFailed) store.setState({ saveFailed: !ok })
  })
  return store
}
