// Reading a share link's run: decompress, parse, check the format version, validate with zod.
// Never throws: bad input yields one plain sentence saying what was wrong.

import LZString from 'lz-string'
import type { ConfigPatch } from '../../sim/config.ts'
import { describeIssue } from './describeIssue.ts'
import type { LinkedRun } from './encode.ts'
import { MAX_ENCODED_LENGTH, SHARE_VERSION } from './limits.ts'
import { shareSchemaV1 } from './shareSchema.ts'

export type Decoded = { readonly ok: true; readonly run: LinkedRun } | { readonly ok: false; readonly problem: string }

export function decodeRun(encoded: string): Decoded {
  if (encoded.length === 0) return fail('it is empty')
  if (encoded.length > MAX_ENCODED_LENGTH) return fail(`it is ${encoded.length} characters long, more than a link from this lab can be`)
  let json: string | null
  try {
    json = LZString.decompressFromEncodedURIComponent(encoded)
  } catch {
    json = null
  }
  if (!json) return fail('it looks garbled or cut short (it does not decompress)')
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    return fail('it looks garbled or cut short (it is not valid data)')
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('it is not a saved run')
  const version = (data as { v?: unknown }).v
  if (typeof version === 'number' && version > SHARE_VERSION) return fail(`it was made by a newer version of the lab (format ${Number.isSafeInteger(version) ? version : '?'}; this one reads format ${SHARE_VERSION})`)
  if (version !== SHARE_VERSION) return fail(`its format version is missing or unknown (this lab reads format ${SHARE_VERSION})`)
  const parsed = shareSchemaV1.safeParse(data)
  if (!parsed.success) return fail(describeIssue(parsed.error.issues[0]))
  const p = parsed.data
  return {
    ok: true,
    run: {
      at: p.t,
      ...(p.k !== undefined ? { seed: p.k } : {}),
      ...(p.c !== undefined ? { overrides: p.c as ConfigPatch } : {}),
      script: p.i?.map(([at, iv]) => ({ at, do: iv })) ?? [],
    },
  }
}

function fail(why: string): Decoded {
  return { ok: false, problem: `The saved run in this link could not be read: ${why}.` }
}
