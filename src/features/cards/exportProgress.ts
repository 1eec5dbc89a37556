// Progress as a JSON file the learner keeps (and brings to another browser), and the checked way
// back in: an import must be JSON, ours, and valid card by card — otherwise it is refused with a
// message and nothing changes.

import { upgrade } from './progressUpgrade.ts'
import type { ProgressDoc } from './progressSchema.ts'

export const EXPORT_KIND = 'sticky-sessions-lab/cards-progress'
export const MAX_IMPORT_BYTES = 2_000_000

export function exportJson(doc: ProgressDoc, deckName: string, now: Date): string {
  return JSON.stringify({ kind: EXPORT_KIND, deck: deckName, exportedAt: now.toISOString(), ...doc }, null, 2) + '\n'
}

export function exportFileName(now: Date): string {
  return `sticky-sessions-cards-progress-${now.toISOString().slice(0, 10)}.json`
}

export type ImportResult = { ok: true; doc: ProgressDoc } | { ok: false; message: string }

export function parseImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, message: 'That file is too large to be a progress file.' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: 'That file is not JSON. Choose a file exported with “Export progress”.' }
  }
  if (typeof value !== 'object' || value === null || !('kind' in value) || value.kind !== EXPORT_KIND) {
    return { ok: false, message: 'That JSON file is not a Sticky Sessions Lab progress file.' }
  }
  const up = upgrade(value, { strict: true })
  if (!up.ok) return { ok: false, message: `That file could not be read because ${up.why}.${up.reason === 'newer' ? ' Reload this page for the latest version and try again.' : ''}` }
  return { ok: true, doc: up.doc }
}
