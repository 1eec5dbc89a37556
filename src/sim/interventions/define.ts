// One intervention kind as one record: what it does to a running simulation (`apply`), how the lab
// names it (`label` for timeline markers, logs and announcements; `button` for a control that does
// it) and what a share link may carry for it (`schema`). src/sim/interventions.ts lists every record
// under `satisfies`, so a new kind is a compile error until it has all of them.

import type * as Z from 'zod/mini'
import type { SimState } from '../types.ts'
import type { SchemaFields, Zod } from './schemaFields.ts'

export interface InterventionDef<I extends { readonly kind: string }> {
  readonly kind: I['kind']
  /** Apply it to an owned (copy-on-write) state at `s.now`, writing a trace sentence. */
  apply(s: SimState, iv: I): void
  /** A short lower-case label: "crash B", "routing: Cookie affinity". */
  label(iv: I): string
  /** The caption (and tooltip) of a button that does exactly this, where the lab has one. */
  button?(iv: I): { readonly text: string; readonly title?: string }
  /**
   * The share link's validator for this kind, built from the zod functions it is given: the engine never
   * loads zod — only reading a link does (lab-ui/links/shareSchema.ts, loaded lazily), which keeps
   * the validator out of the first-load bundle.
   */
  schema(z: Zod, f: SchemaFields): Z.ZodMiniType<I>
}
