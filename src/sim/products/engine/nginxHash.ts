// nginx's `hash $key` and `hash $key consistent` in the engine (src/sim/nginx hash.ts, consistentHash.ts,
// crc32.ts): the lab's hash, hash-consistent and header policies under nginx, and where a forged header
// lands under nginx, ALB, Kubernetes and Cloudflare. A part of its own (docs/DECISIONS.md "Load-balancer
// parts"): a browser run under round robin or ip_hash never fetches it; the engine reads it from the
// registry (index.ts partOf) and Node registers it with the rest (all.ts).

import { chashStart } from '../../nginx/consistentHash.ts'
import { hashStart } from '../../nginx/hash.ts'
import { createPickerWith } from '../../nginx/pickerWalk.ts'
import type { Parts } from './behaviour.ts'
import { upstreamOf } from './nginxUpstream.ts'

const CHASH = chashStart()

export const nginxHashing: Parts['nginx-hash'] = {
  start: (method) => (method === 'hash' ? hashStart : CHASH),
  // Every server counted as up: a forger aims at the ring, not at the servers' health.
  headerPicker(s) {
    const up = upstreamOf(s)
    return (value) => {
      const choice = createPickerWith(CHASH, { servers: up.servers, isFailed: () => false }, value, { current: up.servers.map(() => 0), effective: up.servers.map((x) => x.weight) }).next()
      return choice.index === null ? null : up.ids[choice.index]!
    }
  },
}
