// `stick-table type ip … expire <t>` with `stick on src` (HAProxy 2.6 src/stream.c
// process_sticking_rules / process_store_rules / sticking_rule_find_target, src/stick_table.c).
// See docs/facts/haproxy.md §Stick tables.

import { formatIp } from '../nginx/ip.ts'
import type { HaproxyServer } from './servers.ts'
import { isRunning, type BackendView } from './view.ts'

export interface StickEntry {
  /** The server as stored: its name (server_key, the default `srvkey name`) and its id (server_id). */
  name: string
  id: number
  /** Time (ms) after which the entry is gone: last touch + expire. */
  expiresAt: number
}

export type StickTableType = 'ip' | 'ipv6'

export interface StickTable {
  type: StickTableType
  expireMs: number
  /** Keyed by stickKey(). */
  entries: Map<string, StickEntry>
}

export const createStickTable = (type: StickTableType, expireMs: number): StickTable => ({ type, expireMs, entries: new Map() })

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]

/**
 * The table key of a client address (4 or 16 bytes), or null when the address does not convert and the
 * rule is skipped: a `type ip` table takes IPv4 and IPv4-mapped IPv6 (::ffff:a.b.c.d) only; a `type ipv6`
 * table stores IPv4 as ::ffff:a.b.c.d (src/sample.c c_ipv62ip / c_ip2ipv6, src/tools.c v6tov4 / v4tov6).
 */
export function stickKey(type: StickTableType, addr: Uint8Array): string | null {
  const mapped = addr.length === 16 && MAPPED_PREFIX.every((b, i) => addr[i] === b)
  if (type === 'ip') {
    if (addr.length === 4) return formatIp({ family: 4, bytes: addr })
    return mapped ? formatIp({ family: 4, bytes: addr.slice(12) }) : null
  }
  if (addr.length === 4) {
    const bytes = new Uint8Array(16)
    bytes.set(MAPPED_PREFIX)
    bytes.set(addr, 12)
    return formatIp({ family: 6, bytes })
  }
  return formatIp({ family: 6, bytes: addr })
}

/** The live entry for `key` at `nowMs` (an expired one is purged). */
export function lookupEntry(table: StickTable, key: string, nowMs: number): StickEntry | null {
  const e = table.entries.get(key)
  if (!e) return null
  if (nowMs >= e.expiresAt) {
    table.entries.delete(key)
    return null
  }
  return e
}

export type StickMatch =
  | { kind: 'none' }
  | { kind: 'hit'; server: number; running: boolean } // assigned (DIRECT) when running or with `option persist`
  | { kind: 'ignored'; reason: 'stopped' | 'unknown-server' }

/**
 * `stick match`: finds the stored server by name, else by id; it is used if running (or `persist`). A
 * match touches the entry (its expiry restarts) whether or not the server is used.
 */
export function stickMatch(table: StickTable, key: string, view: BackendView, persist: boolean, nowMs: number): StickMatch {
  const e = lookupEntry(table, key, nowMs)
  if (!e) return { kind: 'none' }
  e.expiresAt = nowMs + table.expireMs
  let i = view.servers.findIndex((s) => s.name === e.name)
  if (i < 0) i = view.servers.findIndex((s) => s.id === e.id)
  if (i < 0) return { kind: 'ignored', reason: 'unknown-server' }
  const running = isRunning(view, i)
  if (running || persist) return { kind: 'hit', server: i, running }
  return { kind: 'ignored', reason: 'stopped' }
}

/** `stick store-request`, applied once the server answered: the entry now names that server. */
export function stickStore(table: StickTable, key: string, server: HaproxyServer, nowMs: number): void {
  table.entries.set(key, { name: server.name, id: server.id, expiresAt: nowMs + table.expireMs })
}
