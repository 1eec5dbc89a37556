// Debian's nginx as the replay's load balancer: one master and one worker on 127.0.0.1, its config,
// logs and temp files in the replay's temp dir. The upstream is written from the lab's routing policy
// (docs/facts/nginx.md: ip_hash, hash $cookie_uid [consistent], least_conn, round robin); servers the
// model's load balancer has taken out are `down`, removed ones are deleted — and nginx reloads, as an
// operator would (open-source nginx has no runtime API; docs/facts/nginx-products.md §4).

import fs from 'node:fs'
import { runSync } from '../../conformance/lib/process.ts'
import { sleep } from '../../conformance/lib/net.ts'
import type { PolicyId } from '../../src/sim/types.ts'
import { FAKETIME_VARIABLES, type FakeClock } from './fakeClock.ts'
import { stopPidSync, type Owned } from './owned.ts'

export const NGINX_DIRECTIVE: Partial<Record<PolicyId, string>> = {
  'round-robin': '',
  'least-connections': 'least_conn;',
  'ip-hash': 'ip_hash;',
  hash: 'hash $cookie_uid;',
  'hash-consistent': 'hash $cookie_uid consistent;',
  header: 'hash $http_x_user_id consistent;',
}

export interface UpstreamLine {
  readonly address: string
  readonly down: boolean
}

export class Nginx {
  private generation = 0
  readonly confFile: string
  readonly errorLog: string
  readonly accessLog: string

  constructor(
    private readonly bin: string,
    private readonly owned: Owned,
    readonly port: number,
    private readonly websockets: boolean,
    /** The model's clock (virtual replays): nginx's fail_timeout and max_fails windows follow it. */
    private readonly clock: FakeClock | null = null,
  ) {
    this.confFile = owned.path('nginx.conf')
    this.errorLog = owned.path('nginx-error.log')
    this.accessLog = owned.path('nginx-access.log')
    fs.mkdirSync(owned.path('nginx-tmp'), { recursive: true, mode: 0o755 })
  }

  config(policy: PolicyId, servers: readonly UpstreamLine[]): string {
    const directive = NGINX_DIRECTIVE[policy]
    if (directive === undefined) throw new Error(`nginx has no equivalent of the lab's "${policy}" policy`)
    const tmp = this.owned.path('nginx-tmp')
    const lines = servers.map((s) => `    server ${s.address}${s.down ? ' down' : ''};`)
    const ws = this.websockets
      ? `
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;`
      : ''
    return `# written by npm run real (generation ${this.generation}) — the lab's design on open-source nginx
worker_processes 1;
daemon on;
pid ${this.owned.path('nginx.pid')};
error_log ${this.errorLog} notice;${this.clock ? `
# The model's clock (libfaketime): workers keep the variables it reads.
${FAKETIME_VARIABLES.map((v) => `env ${v};`).join(' ')}` : ''}
events { worker_connections 4096; }
http {
  log_format lab '$msec $status "$request" upstream=$upstream_addr client=$remote_addr';
  access_log ${this.accessLog} lab;
  client_body_temp_path ${tmp}; proxy_temp_path ${tmp};
  fastcgi_temp_path ${tmp}; uwsgi_temp_path ${tmp}; scgi_temp_path ${tmp};

  # Each simulated browser's address arrives in X-Real-IP from the replay on 127.0.0.1.
  set_real_ip_from 127.0.0.1;
  real_ip_header X-Real-IP;
${this.websockets ? "\n  map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n" : ''}
  upstream app {
    ${directive}
${lines.join('\n')}
  }

  server {
    listen 127.0.0.1:${this.port};
    location = /__generation { return 200 "${this.generation}"; }
    location / {
      proxy_pass http://app;
      proxy_next_upstream error timeout;   # the default: a refused connection is retried on the next server${ws}
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`
  }

  private nginx(args: string[]): { ok: boolean; output: string } {
    return runSync(this.bin, ['-p', this.owned.dir, '-c', this.confFile, '-e', this.errorLog, ...args], 15_000, this.clock?.env())
  }

  private pid(): number | null {
    try {
      const pid = Number(fs.readFileSync(this.owned.path('nginx.pid'), 'utf8').trim())
      return Number.isInteger(pid) && pid > 0 ? pid : null
    } catch {
      return null
    }
  }

  async start(policy: PolicyId, servers: readonly UpstreamLine[]): Promise<void> {
    fs.writeFileSync(this.confFile, this.config(policy, servers))
    const test = this.nginx(['-t', '-q'])
    if (!test.ok) throw new Error(`nginx -t failed:\n${test.output}`)
    const started = this.nginx([])
    if (!started.ok) throw new Error(`nginx did not start:\n${started.output}`)
    const pid = this.pid()
    if (pid === null) throw new Error('nginx started but wrote no pid file')
    // SIGTERM = fast shutdown: the master stops its workers (SIGKILL would orphan them).
    this.owned.own(pid, 'SIGTERM')
    await this.waitGeneration()
  }

  /** Writes the new upstream and reloads; returns once new connections reach the new configuration. */
  async reload(policy: PolicyId, servers: readonly UpstreamLine[]): Promise<void> {
    this.generation += 1
    fs.writeFileSync(this.confFile, this.config(policy, servers))
    const r = this.nginx(['-s', 'reload'])
    if (!r.ok) throw new Error(`nginx -s reload failed:\n${r.output}`)
    await this.waitGeneration()
  }

  /** How many old workers have begun their graceful shutdown (each closes its listening socket first). */
  private shutDownWorkers(): number {
    try {
      return fs.readFileSync(this.errorLog, 'utf8').split('gracefully shutting down').length - 1
    } catch {
      return 0
    }
  }

  /**
   * Polls until several consecutive new connections are answered by a worker of the current generation
   * and every old worker has stopped accepting: nginx's master signals the old workers only 100 ms
   * after starting the new ones (ngx_master_process_cycle), and until then an old worker may accept a
   * new connection and route it with the old upstream.
   */
  private async waitGeneration(): Promise<void> {
    const deadline = Date.now() + 10_000
    let streak = 0
    while (streak < 3 || this.shutDownWorkers() < this.generation) {
      if (Date.now() > deadline) throw new Error(`nginx did not switch to configuration generation ${this.generation}`)
      let gen: string
      try {
        const res = await fetch(`http://127.0.0.1:${this.port}/__generation`, { headers: { connection: 'close' } })
        gen = await res.text()
      } catch {
        gen = ''
      }
      streak = gen === String(this.generation) ? streak + 1 : 0
      await sleep(streak === 0 ? 20 : 5)
    }
  }

  stop(): void {
    const pid = this.pid()
    if (pid !== null) stopPidSync(pid, 'SIGTERM')
  }
}
