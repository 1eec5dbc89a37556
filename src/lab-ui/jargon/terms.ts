// Which glossary entry explains each piece of the lab's jargon: the metric tiles, the routing and
// storage pickers, the design's words and the table view's columns. The content test checks that
// every id here exists in content/glossary.json.

import type { PolicyId, StorageKind } from '../../sim/types.ts'

export const METRIC_TERMS = {
  logouts: 'unexpected-logout',
  carts: 'cart-lost',
  sessions: 'session-lost',
  failed: 'failed-request',
  imbalance: 'imbalance',
  p95: 'p95',
} as const

/** The routing policies' jargon: the word a learner trips over, and its entry (Random needs none). */
export const POLICY_TERMS: Readonly<Record<PolicyId, { readonly word: string; readonly id: string } | null>> = {
  'round-robin': { word: 'round robin', id: 'round-robin' },
  'least-connections': { word: 'least connections', id: 'least-connections' },
  random: null,
  cookie: { word: 'AWSALB', id: 'awsalb' },
  'ip-hash': { word: 'ip_hash', id: 'ip-hash' },
  hash: { word: 'nginx hash', id: 'key-hash' },
  'hash-consistent': { word: 'consistent hashing', id: 'consistent-hashing' },
  header: { word: 'header affinity', id: 'header-affinity' },
  'client-ip': { word: 'ClientIP', id: 'clientip' },
}

/** The cookie policy under a product whose cookie isn't AWSALB (HAProxy's SERVERID, Cloudflare's __cflb). */
export const COOKIE_TERM = { word: 'affinity cookie', id: 'affinity-cookie' } as const

export const STORAGE_TERMS: Readonly<Record<StorageKind, { readonly word: string; readonly id: string }>> = {
  memory: { word: 'session', id: 'session' },
  shared: { word: 'shared store', id: 'shared-store' },
  database: { word: 'sessions in a database', id: 'database-sessions' },
  jwt: { word: 'JWT', id: 'jwt' },
}

export const TABLE_TERMS = { sessions: 'session', inFlight: 'in-flight', utilisation: 'utilisation' } as const

export const DESIGN_TERMS = { sticky: 'sticky-session', stateless: 'stateless' } as const

/** Every glossary id the lab links to. */
export function labTermIds(): string[] {
  return [
    ...Object.values(METRIC_TERMS),
    ...Object.values(POLICY_TERMS).flatMap((t) => (t ? [t.id] : [])),
    COOKIE_TERM.id,
    ...Object.values(STORAGE_TERMS).map((t) => t.id),
    ...Object.values(TABLE_TERMS),
    ...Object.values(DESIGN_TERMS),
  ]
}
