// Opening a share link's decoded run (SharedRun.tsx, on demand): the lab to load, and the link's own
// settings in words. Apart from shareLink.ts so a page's first load carries only the link reader.

import type { ConfigPatch } from '../../sim/config.ts'
import type { LabInit } from '../../store/labStore.ts'
import type { LinkedRun } from './encode.ts'
import type { ShareRequest } from './shareLink.ts'

/**
 * The lab to open for a decoded run: its seed, overrides and script. Settings the URL spells out
 * itself win over the run's own, as if the sender had chosen them from the start: `seed`, and
 * `linkSettings` (a page's own parameters, e.g. the lab page's policy/storage/servers/users).
 */
export function initWithRun(share: ShareRequest, run: LinkedRun, linkSettings: ConfigPatch = {}): LabInit {
  const seed = share.init.seed ?? run.seed
  const overrides = { ...run.overrides, ...linkSettings }
  return {
    scenario: share.scenario,
    ...(seed !== undefined ? { seed } : {}),
    ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
    ...(run.script.length > 0 ? { script: run.script } : {}),
    playing: false,
  }
}

/** "policy cookie, 4 servers": a link's own settings in plain words (empty when there are none). */
export function describeSettings(settings: ConfigPatch): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) continue
    parts.push(key === 'servers' || key === 'users' ? `${String(value)} ${key}` : `${key} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
  }
  return parts.join(', ')
}
