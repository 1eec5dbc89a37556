// Interventions on header affinity (hash of a request header): who sets the header, and a user who
// forges it to land on a chosen server.

import { mutUser } from '../cow.ts'
import { forgeValueFor } from '../policies/header.ts'
import { behaviourOf } from '../products/engine/index.ts'
import { emit } from '../trace.ts'
import type { ServerId, UserId } from '../types.ts'
import type { InterventionDef } from './define.ts'

export type ForgeHeader = { readonly kind: 'forgeHeader'; readonly user: UserId; readonly target: ServerId }
export type SetHeaderSource = { readonly kind: 'setHeaderSource'; readonly source: 'gateway' | 'client' }

export const forgeHeader = {
  kind: 'forgeHeader',
  apply(s, iv) {
    const u = s.users[iv.user]
    if (!u) return
    const value = forgeValueFor(iv.target, behaviourOf(s).headerPicker(s))
    s.forgedValues = { ...s.forgedValues, [iv.target]: value }
    mutUser(s, iv.user).forgedHeader = value
    // Cloudflare keeps header sessions in its own table, first placed by random steering: no value can be aimed.
    const aim = s.config.lb === 'cloudflare' ? `aiming at ${iv.target}, but Cloudflare places a new header value by random steering` : `that value hashes to ${iv.target}`
    emit(s, 'security', `${u.name} forges ${s.config.header.name}: ${value} (${aim})`, { user: u.id, server: iv.target })
  },
  label: (iv) => `forged header → ${iv.target}`,
  button: () => ({ text: 'Forge header' }),
  schema: (_, f) => f.kind('forgeHeader', { user: f.user, target: f.server }),
} satisfies InterventionDef<ForgeHeader>

export const setHeaderSource = {
  kind: 'setHeaderSource',
  apply(s, iv) {
    s.config = { ...s.config, header: { ...s.config.header, source: iv.source } }
    emit(s, 'config', iv.source === 'gateway' ? `${s.config.header.name} is now set by the gateway: client values are overwritten` : `${s.config.header.name} is now taken from the client as sent`)
  },
  label: (iv) => `header from ${iv.source}`,
  schema: (z, f) => f.kind('setHeaderSource', { source: z.enum(['gateway', 'client']) }),
} satisfies InterventionDef<SetHeaderSource>
