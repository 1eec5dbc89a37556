// localStorage that never throws: in a sandboxed iframe or with cookies blocked, reading it throws a
// SecurityError. Callers learn whether storage works and fall back to memory.

export interface SafeStorage {
  readonly available: boolean
  get(key: string): string | null
  set(key: string, value: string): boolean
  remove(key: string): void
}

function probe(): Storage | null {
  try {
    const s = window.localStorage
    const k = '__ssl_probe__'
    s.setItem(k, '1')
    s.removeItem(k)
    return s
  } catch {
    return null
  }
}

export function createSafeStorage(backing: Storage | null = typeof window === 'undefined' ? null : probe()): SafeStorage {
  const memory = new Map<string, string>()
  return {
    available: backing !== null,
    get(key) {
      if (!backing) return memory.get(key) ?? null
      try {
        return backing.getItem(key)
      } catch {
        return memory.get(key) ?? null
      }
    },
    set(key, value) {
      memory.set(key, value)
      if (!backing) return false
      try {
        backing.setItem(key, value)
        return true
      } catch {
        return false
      }
    },
    remove(key) {
      memory.delete(key)
      try {
        backing?.removeItem(key)
      } catch {
        /* storage blocked: memory copy already gone */
      }
    },
  }
}

export const storage = createSafeStorage()
