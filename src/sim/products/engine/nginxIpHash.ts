// nginx's `ip_hash` in the engine (src/sim/nginx ipHash.ts, ip.ts): the lab's ip-hash policy under nginx.
// A part of its own (docs/DECISIONS.md "Load-balancer parts"), like nginxHash.ts: a browser run that
// never routes by ip_hash never fetches it.

import { ipHashStart } from '../../nginx/ipHash.ts'
import type { Parts } from './behaviour.ts'

export const nginxIpHashing: Parts['nginx-ip-hash'] = { start: ipHashStart }
