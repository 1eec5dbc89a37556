// The real programs a replay needs, found on this machine — or one clear line naming the Debian
// package to install. Each can be overridden with an environment variable (NGINX=…, HAPROXY=…,
// REDIS_SERVER=…, POSTGRES_BIN=<dir with postgres and initdb>, FAKETIME_LIB=<libfaketime.so.1>).
// libfaketime puts nginx on the model's clock (fakeClock.ts).

import fs from 'node:fs'
import path from 'node:path'
import { findBinary } from '../../conformance/lib/process.ts'
import { findFaketimeLibrary } from './fakeClock.ts'

export type Program = 'nginx' | 'haproxy' | 'redis' | 'postgres' | 'faketime'

export const DEBIAN_PACKAGE: Record<Program, string> = {
  nginx: 'nginx',
  haproxy: 'haproxy',
  redis: 'redis-server',
  postgres: 'postgresql',
  faketime: 'faketime',
}

const NAME: Record<Program, string> = { nginx: 'nginx', haproxy: 'haproxy', redis: 'redis-server', postgres: 'postgres', faketime: 'libfaketime' }

export class MissingProgram extends Error {
  constructor(readonly program: Program) {
    super(`${NAME[program]} is not installed — install the Debian package "${DEBIAN_PACKAGE[program]}" (apt-get install ${DEBIAN_PACKAGE[program]})`)
  }
}

export interface Binaries {
  nginx?: string
  haproxy?: string
  redis?: string
  postgres?: { postgres: string; initdb: string }
  /** libfaketime.so.1 */
  faketime?: string
}

/** The newest /usr/lib/postgresql/<version>/bin that has postgres and initdb (Debian keeps them off PATH). */
function postgresDir(): string | null {
  const override = process.env.POSTGRES_BIN
  const dirs = override
    ? [override]
    : (() => {
        try {
          return fs
            .readdirSync('/usr/lib/postgresql')
            .filter((v) => /^\d+$/.test(v))
            .sort((a, b) => Number(b) - Number(a))
            .map((v) => `/usr/lib/postgresql/${v}/bin`)
        } catch {
          return []
        }
      })()
  for (const dir of dirs) {
    if (['postgres', 'initdb'].every((b) => isExecutable(path.join(dir, b)))) return dir
  }
  return null
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}

export function findProgram(p: Program): string | { postgres: string; initdb: string } | null {
  switch (p) {
    case 'nginx':
      return findBinary('NGINX', 'nginx', ['/usr/sbin/nginx'])
    case 'haproxy':
      return findBinary('HAPROXY', 'haproxy', ['/usr/sbin/haproxy'])
    case 'redis':
      return findBinary('REDIS_SERVER', 'redis-server', ['/usr/bin/redis-server'])
    case 'postgres': {
      const dir = postgresDir()
      return dir && { postgres: path.join(dir, 'postgres'), initdb: path.join(dir, 'initdb') }
    }
    case 'faketime':
      return findFaketimeLibrary()
  }
}

/** Finds every program in `needed`, or throws MissingProgram for the first one missing. */
export function findPrograms(needed: readonly Program[]): Binaries {
  const out: Binaries = {}
  for (const p of needed) {
    const found = findProgram(p)
    if (found === null) throw new MissingProgram(p)
    if (p === 'postgres') out.postgres = found as { postgres: string; initdb: string }
    else out[p] = found as string
  }
  return out
}
