// A private nginx for the conformance run: the config for the groups, started as a daemon with its pid
// file in the run's temp dir, stopped with `-s quit` (then SIGTERM to that pid) — also from `cleanup`
// on Ctrl-C or an error.

import fs from 'node:fs'
import path from 'node:path'
import { alive, runSync, type Cleanup } from '../lib/process.ts'
import { sleep } from '../lib/net.ts'
import { DIRECTIVE, type Group } from './groups.ts'

export function nginxConf(dir: string, listenPort: number, groups: Group[]): string {
  const upstreams = groups.map((g) => {
    const lines = g.text.split('; ').map((e) => `server ${e};`)
    return `  upstream ${g.name} { ${DIRECTIVE[g.policy]} ${lines.join(' ')} }`
  })
  const tmp = path.join(dir, 'tmp')
  return `worker_processes 1;
daemon on;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log notice;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${tmp}; proxy_temp_path ${tmp};
  fastcgi_temp_path ${tmp}; uwsgi_temp_path ${tmp}; scgi_temp_path ${tmp};
  keepalive_requests 1000000;

  set_real_ip_from 127.0.0.1;
  real_ip_header X-Real-IP;

${upstreams.join('\n')}

  server {
    listen 127.0.0.1:${listenPort};
    location ~ ^/(?<grp>[a-z0-9]+)$ {
      proxy_pass http://$grp;
      proxy_next_upstream error timeout;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`
}

export function runNginx(bin: string, dir: string, extra: string[]): { ok: boolean; output: string } {
  return runSync(bin, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), ...extra])
}

export function readPid(dir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, 'nginx.pid'), 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

export async function stopNginx(bin: string, dir: string): Promise<void> {
  const pid = readPid(dir)
  if (pid === null) return
  runNginx(bin, dir, ['-s', 'quit'])
  for (let i = 0; i < 50; i++) {
    if (!alive(pid)) return
    await sleep(100)
  }
  try {
    process.kill(pid, 'SIGTERM') // the master we started, by its own pid file
  } catch {
    // already gone
  }
}


/** On Ctrl-C or an error: ask the nginx we started (found by its pid file) to quit. */
export function quitOnCleanup(bin: string, dir: string, cleanup: Cleanup): void {
  cleanup.add(() => {
    if (readPid(dir) !== null) runNginx(bin, dir, ['-s', 'quit'])
  })
}
