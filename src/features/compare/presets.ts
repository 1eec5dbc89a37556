// The comparisons the lessons point at: one scenario, the designs that answer its question. Each is
// a URL (`#/compare?preset=<id>`).

import type { ScenarioId } from '../../sim/scenarios/index.ts'
import type { Design } from './design.ts'

export const PRESET_IDS = ['sticky-vs-stateless', 'ip-hash-vs-cookie', 'modulo-vs-consistent', 'memory-vs-store-vs-jwt', 'deploy', 'five-load-balancers'] as const
export type PresetId = (typeof PRESET_IDS)[number]

export interface Preset {
  readonly id: PresetId
  readonly title: string
  /** What to watch, in one line. */
  readonly watch: string
  readonly scenario: ScenarioId
  readonly designs: readonly Design[]
}

const STICKY: Design = { policy: 'cookie', storage: 'memory' }
const STATELESS: Design = { policy: 'round-robin', storage: 'shared' }

export const PRESETS: Readonly<Record<PresetId, Preset>> = {
  'sticky-vs-stateless': {
    id: 'sticky-vs-stateless',
    title: 'Sticky vs stateless',
    watch: 'Server B crashes at 0:30 in both. Sticky loses the sessions in B’s memory and logs its users out; stateless loses nothing.',
    scenario: 'crash-sticky-memory',
    designs: [STICKY, STATELESS],
  },
  'ip-hash-vs-cookie': {
    id: 'ip-hash-vs-cookie',
    title: 'IP hash vs cookie (with a NAT group)',
    watch: 'Thirty users share one carrier NAT address. IP hash sends them all to one server; cookie affinity spreads them.',
    scenario: 'ip-hash-nat-hotspot',
    designs: [
      { policy: 'ip-hash', storage: 'memory' },
      // nginx 1.22 has no cookie affinity: the cookie column runs HAProxy's SERVERID.
      { lb: 'haproxy', policy: 'cookie', storage: 'memory' },
    ],
  },
  'modulo-vs-consistent': {
    id: 'modulo-vs-consistent',
    title: 'Modulo vs consistent hash on scale-out',
    watch: 'A fourth server joins at 0:30. Modulo hashing moves most users (and logs them out); consistent hashing moves about a quarter.',
    scenario: 'consistent-hash-scaling',
    designs: [
      { policy: 'hash', storage: 'memory' },
      { policy: 'hash-consistent', storage: 'memory' },
    ],
  },
  'memory-vs-store-vs-jwt': {
    id: 'memory-vs-store-vs-jwt',
    title: 'Memory vs shared store vs JWT',
    watch: 'B crashes at 0:30. Memory loses logins and carts, the shared store loses nothing, JWT keeps logins but loses the carts kept in memory.',
    scenario: 'crash-sticky-memory',
    designs: [STICKY, { policy: 'cookie', storage: 'shared' }, { policy: 'cookie', storage: 'jwt' }],
  },
  deploy: {
    id: 'deploy',
    title: 'Sticky deploy vs stateless deploy',
    watch: 'A rolling deploy starts at 0:30. Sticky drains each server for up to a minute and still drops sessions; stateless finishes fast and loses none.',
    scenario: 'rolling-deploy',
    designs: [STICKY, STATELESS],
  },
  'five-load-balancers': {
    id: 'five-load-balancers',
    title: 'Same crash, five load balancers',
    watch:
      'B crashes at 0:30 under each product’s own sticky design and defaults. nginx and HAProxy retry and nobody sees an error; Kubernetes drops 3 connections; Cloudflare answers 521 for 30 s, the ALB 502 for 60 s, until their health checks take B out.',
    scenario: 'crash-sticky-memory',
    // Each product's one-click Sticky (products/*.ts stickyPolicy) over server memory, in the order the
    // lessons name them. Figures: docs/facts/products.md, "Same crash, five load balancers".
    designs: [
      { lb: 'nginx', policy: 'hash-consistent', storage: 'memory' },
      { lb: 'haproxy', policy: 'cookie', storage: 'memory' },
      { lb: 'alb', policy: 'cookie', storage: 'memory' },
      { lb: 'kube-proxy', policy: 'client-ip', storage: 'memory' },
      { lb: 'cloudflare', policy: 'cookie', storage: 'memory' },
    ],
  },
}

export const DEFAULT_PRESET: PresetId = 'sticky-vs-stateless'
