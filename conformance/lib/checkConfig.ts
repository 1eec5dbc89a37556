// Checks a generated configuration text with the real binary: `nginx -t` or `haproxy -c`. For tests that
// generate "the config for this design" and want the real parser to accept it. The text is written to a
// private temp dir (removed afterwards); relative paths in it resolve there.
//
//   const r = checkHaproxyConfig(text)   // { status: 'valid' | 'invalid' | 'skipped', output }
//   if (r.status === 'invalid') throw new Error(r.output)

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findBinary, runSync } from './process.ts'

export interface ConfigCheck {
  /** 'skipped': the binary is not installed (output says which Debian package to install). */
  status: 'valid' | 'invalid' | 'skipped'
  /** What the binary printed (warnings included), or why it was skipped. */
  output: string
  binary: string | null
}

export const findNginx = (): string | null => findBinary('NGINX', 'nginx', ['/usr/sbin/nginx'])
export const findHaproxy = (): string | null => findBinary('HAPROXY', 'haproxy', ['/usr/sbin/haproxy'])

function withTempFile<T>(name: string, text: string, fn: (dir: string, file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-check-'))
  try {
    const file = path.join(dir, name)
    fs.writeFileSync(file, text)
    return fn(dir, file)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** `nginx -t` on a whole nginx.conf text (prefix = the temp dir; the error log goes there too). */
export function checkNginxConfig(text: string): ConfigCheck {
  const bin = findNginx()
  if (!bin) return { status: 'skipped', output: 'nginx not installed (Debian package "nginx")', binary: null }
  return withTempFile('nginx.conf', text, (dir, file) => {
    const r = runSync(bin, ['-t', '-q', '-p', dir, '-c', file, '-e', path.join(dir, 'error.log')])
    return { status: r.ok ? 'valid' : 'invalid', output: r.output, binary: bin }
  })
}

/**
 * `haproxy -c -f` on a haproxy.cfg text. A config without any frontend (say, just a backend) is valid:
 * haproxy then exits 2 with "Configuration file has no error but will not start (no listener)".
 */
export function checkHaproxyConfig(text: string): ConfigCheck {
  const bin = findHaproxy()
  if (!bin) return { status: 'skipped', output: 'haproxy not installed (Debian package "haproxy")', binary: null }
  return withTempFile('haproxy.cfg', text, (_dir, file) => {
    const r = runSync(bin, ['-c', '-f', file])
    const noListener = r.code === 2 && r.output.includes('has no error but will not start (no listener)')
    return { status: r.ok || noListener ? 'valid' : 'invalid', output: r.output, binary: bin }
  })
}
