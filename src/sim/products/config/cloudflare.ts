// "Config for this design" under Cloudflare Load Balancing: one monitor, one pool (the lab's servers as
// endpoints, a draining one disabled) and the load balancer's session affinity — as the API's JSON
// bodies or as Terraform (cloudflare provider v5). Cloudflare's ranges are applied, with a comment when
// the run's value had to move; what Cloudflare cannot do (round robin, a sliding __cflb) is said.
// Facts: docs/facts/cloudflare.md §2 (monitors), §3 (affinity), §4 (drain), §5 (steering), §6.

import type { ConfigDesign } from './design.ts'
import { HEADER_TTL_MS } from '../engine/cloudflare.ts'
import { banner, comment, resolvedPolicy, seconds } from './text.ts'

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x))

export interface CloudflareSettings {
  readonly steering: 'random' | 'least_outstanding_requests'
  readonly affinity: 'none' | 'cookie' | 'header'
  readonly ttlS: number
  readonly zeroDowntime: 'none' | 'sticky'
  readonly drainS: number
  readonly interval: number
  readonly consecutiveDown: number
  readonly consecutiveUp: number
  readonly notes: readonly string[]
}

/** The run's settings in Cloudflare's terms and ranges (cloudflare.md §2–5). */
export function cloudflareSettings(d: ConfigDesign): CloudflareSettings {
  const { policy } = resolvedPolicy(d)
  const s = d.settings
  const notes: string[] = []
  const affinity = policy === 'cookie' ? 'cookie' : policy === 'header' ? 'header' : 'none'
  let ttlS = 0
  if (affinity === 'cookie') {
    const asked = seconds(s.cookie.ttlMs)
    ttlS = clamp(asked, 1800, 604_800)
    if (ttlS !== asked) notes.push(`the run's cookie lifetime ${asked} s is outside Cloudflare's 1800–604800 s: ${ttlS} s is the nearest.`)
    if (s.cookie.mode === 'sliding') notes.push('__cflb has a fixed lifetime from when it is set; a sliding cookie is not available.')
    if (s.cookie.name !== '__cflb') notes.push(`the affinity cookie is always named __cflb (the run asked for ${s.cookie.name}).`)
  } else if (affinity === 'header') ttlS = seconds(HEADER_TTL_MS)
  let zeroDowntime: CloudflareSettings['zeroDowntime'] = s.failover === 'repin' ? 'sticky' : 'none'
  if (affinity === 'header' && zeroDowntime === 'sticky') {
    zeroDowntime = 'none'
    notes.push('zero_downtime_failover "sticky" is not supported with header affinity: "none" is written.')
  }
  if (d.servers.some((srv) => srv.weight !== d.servers[0]?.weight)) notes.push('endpoint weights are 0–1: each server\'s weight is divided by the largest.')
  const intervalAsked = seconds(s.health.intervalMs)
  const interval = Math.max(5, intervalAsked)
  if (interval !== intervalAsked) notes.push(`the run's monitor interval ${intervalAsked} s is below Cloudflare's minimum (5 s, on higher plans; 60 s is the default).`)
  const n = (threshold: number): number => (threshold > 1 ? threshold : 0)
  return {
    steering: policy === 'least-connections' ? 'least_outstanding_requests' : 'random',
    affinity,
    ttlS,
    zeroDowntime,
    drainS: seconds(s.drainTimeoutMs),
    interval,
    consecutiveDown: n(s.health.unhealthyThreshold),
    consecutiveUp: n(s.health.healthyThreshold),
    notes,
  }
}

interface Origin {
  readonly name: string
  readonly address: string
  readonly port: number
  readonly enabled: boolean
  readonly weight: number
}

function originsOf(d: ConfigDesign): Origin[] {
  const top = Math.max(1, ...d.servers.map((srv) => srv.weight))
  return d.servers.map((srv) => ({
    name: srv.id.toLowerCase(),
    address: srv.host,
    port: srv.port,
    enabled: srv.state !== 'drain',
    weight: Math.round((srv.weight / top) * 100) / 100,
  }))
}

function drainNote(d: ConfigDesign, c: CloudflareSettings): string[] {
  const draining = d.servers.filter((srv) => srv.state === 'drain').map((srv) => srv.id)
  if (draining.length === 0) return []
  return comment(`Draining ${draining.join(', ')}: disabled in the pool; pinned sessions keep reaching it for drain_duration (${c.drainS} s), new ones never.`)
}

function affinityFields(c: CloudflareSettings, d: ConfigDesign): Record<string, unknown> {
  if (c.affinity === 'none') return { session_affinity: 'none' }
  const attrs: Record<string, unknown> =
    c.affinity === 'cookie'
      ? { samesite: 'Auto', secure: 'Auto', zero_downtime_failover: c.zeroDowntime, drain_duration: c.drainS }
      : { headers: [d.settings.header.name], require_all_headers: false, zero_downtime_failover: c.zeroDowntime, drain_duration: c.drainS }
  return { session_affinity: c.affinity, session_affinity_ttl: c.ttlS, session_affinity_attributes: attrs }
}

export function cloudflareApi(d: ConfigDesign): string {
  const c = cloudflareSettings(d)
  const monitor = { type: 'http', method: 'GET', path: '/', expected_codes: '2xx', interval: c.interval, timeout: 5, retries: 2, consecutive_up: c.consecutiveUp, consecutive_down: c.consecutiveDown }
  const pool = { name: 'app-pool', monitor: '<monitor_id>', minimum_origins: 1, origin_steering: { policy: c.steering }, origins: originsOf(d) }
  const lb = { name: 'app.example.com', proxied: true, default_pools: ['<pool_id>'], fallback_pool: '<pool_id>', steering_policy: 'off', ...affinityFields(c, d) }
  const json = (x: unknown): string => JSON.stringify(x, null, 2)
  return [
    ...banner(d, 'Cloudflare API request bodies'),
    ...c.notes.flatMap((n) => comment(n)),
    ...drainNote(d, c),
    '',
    '# 1. POST /accounts/{account_id}/load_balancers/monitors',
    json(monitor),
    '',
    '# 2. POST /accounts/{account_id}/load_balancers/pools  (<monitor_id> from 1.)',
    json(pool),
    '',
    '# 3. POST /zones/{zone_id}/load_balancers  (<pool_id> from 2.)',
    json(lb),
    '',
  ].join('\n')
}

/** An HCL value: strings quoted, lists and objects inline. */
function hcl(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x)
  if (Array.isArray(x)) return `[${x.map(hcl).join(', ')}]`
  if (x !== null && typeof x === 'object') return `{ ${Object.entries(x).map(([k, v]) => `${k} = ${hcl(v)}`).join(', ')} }`
  return String(x)
}

/** `key = value` lines with the `=` aligned, as terraform fmt writes them. */
function attributes(entries: readonly (readonly [string, string])[], indent = '  '): string[] {
  const width = Math.max(...entries.map(([k]) => k.length))
  return entries.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}`)
}

export function cloudflareTerraform(d: ConfigDesign): string {
  const c = cloudflareSettings(d)
  const aff = affinityFields(c, d)
  const lbAttrs: [string, string][] = [
    ['zone_id', 'var.zone_id'],
    ['name', '"app.example.com"'],
    ['proxied', 'true'],
    ['default_pools', '[cloudflare_load_balancer_pool.app.id]'],
    ['fallback_pool', 'cloudflare_load_balancer_pool.app.id'],
    ['steering_policy', '"off"'],
  ]
  const affinity: [string, string][] = Object.entries(aff).map(([k, v]) => [k, hcl(v)])
  return [
    ...banner(d, 'Terraform (cloudflare/cloudflare v5)'),
    ...c.notes.flatMap((n) => comment(n)),
    ...drainNote(d, c),
    'resource "cloudflare_load_balancer_monitor" "app" {',
    ...attributes([
      ['account_id', 'var.account_id'],
      ['type', '"http"'],
      ['method', '"GET"'],
      ['path', '"/"'],
      ['expected_codes', '"2xx"'],
      ['interval', String(c.interval)],
      ['timeout', '5'],
      ['retries', '2'],
      ['consecutive_up', String(c.consecutiveUp)],
      ['consecutive_down', String(c.consecutiveDown)],
    ]),
    '}',
    '',
    'resource "cloudflare_load_balancer_pool" "app" {',
    ...attributes([
      ['account_id', 'var.account_id'],
      ['name', '"app-pool"'],
      ['monitor', 'cloudflare_load_balancer_monitor.app.id'],
      ['minimum_origins', '1'],
      ['origin_steering', hcl({ policy: c.steering })],
    ]),
    '  origins = [',
    ...originsOf(d).map((o) => `    ${hcl(o)},`),
    '  ]',
    '}',
    '',
    'resource "cloudflare_load_balancer" "app" {',
    ...attributes(lbAttrs),
    '',
    ...attributes(affinity),
    '}',
    '',
  ].join('\n')
}
