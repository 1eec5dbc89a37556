// What nginx's error log says about each request: the upstream connections it found refused (or that
// died before the response header) before one answered — in order. nginx writes each line before it
// tries the next server, so once an app server reports the request's arrival, the lines are there.

import fs from 'node:fs'

export interface FailedAttempt {
  /** The upstream address (host:port) nginx tried. */
  readonly address: string
  readonly why: 'refused' | 'closed' | 'other'
}

const LINE = /\[error\][^\n]*?\b(connect\(\) failed \(111: Connection refused\)|upstream prematurely closed connection|[a-z() ]+ failed \(\d+: [^)]+\))[^\n]*?request: "[A-Z]+ [^"?]*\?r=(\d+)&[^"]*"[^\n]*?upstream: "http:\/\/([^/"]+)/

export class NginxErrorLog {
  private offset = 0
  private readonly byRequest = new Map<number, FailedAttempt[]>()

  constructor(private readonly file: string) {}

  /** Reads what was appended since the last call. */
  private catchUp(): void {
    let fd: number
    try {
      fd = fs.openSync(this.file, 'r')
    } catch {
      return
    }
    try {
      const size = fs.fstatSync(fd).size
      if (size <= this.offset) return
      const buf = Buffer.alloc(size - this.offset)
      fs.readSync(fd, buf, 0, buf.length, this.offset)
      const text = buf.toString('utf8')
      // Only whole lines; a partial last line is read next time.
      const end = text.lastIndexOf('\n') + 1
      this.offset += Buffer.byteLength(text.slice(0, end))
      for (const line of text.slice(0, end).split('\n')) {
        const m = LINE.exec(line)
        if (!m) continue
        const id = Number(m[2])
        const what = m[1]!
        const why = what.includes('failed (111:') ? 'refused' : what.includes('upstream prematurely closed') ? 'closed' : 'other'
        const list = this.byRequest.get(id) ?? []
        list.push({ address: m[3]!, why })
        this.byRequest.set(id, list)
      }
    } finally {
      fs.closeSync(fd)
    }
  }

  /** The failed attempts logged so far for request `id` (and forgets them). */
  take(id: number): FailedAttempt[] {
    this.catchUp()
    const list = this.byRequest.get(id) ?? []
    this.byRequest.delete(id)
    return list
  }
}
