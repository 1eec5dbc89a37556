// Reading the real system's answers in the model's words: a page's outcome, a health probe.

import type { Outcome } from '../../src/sim/types.ts'
import { H } from '../app/protocol.ts'
import type { HttpAnswer } from './browserHttp.ts'

/** What the app's page said (or the load balancer's error), in the model's outcome words. */
export function outcomeOf(a: HttpAnswer): Outcome {
  if (a.status >= 500) return 'error'
  if (a.status === 401) return 'revoked'
  const r = a.headers[H.result]
  return r === 'notLoggedIn' || r === 'cartMissing' || r === 'revoked' ? r : 'ok'
}

/** A real health probe: GET /healthz on the server's own address. */
export async function probe(address: string): Promise<boolean> {
  try {
    const res = await fetch(`http://${address}/healthz`, { signal: AbortSignal.timeout(2000), headers: { connection: 'close' } })
    await res.text()
    return res.status === 200
  } catch {
    return false
  }
}
