// What HAProxy is doing with each connection right now, from its runtime API's `show sess` (one line
// a stream): the client's address and port — the original connection's, not the `set-src` address —
// the server it is assigned to, the state of its connection to that server and how many connection
// attempts have failed so far (`rc`, the stream's conn_retries). The replay on the model's clock reads
// it to *see* HAProxy's 1 s turn-around before a retry instead of predicting it from the wall clock
// (real/drive/haproxyRetries.ts; docs/DECISIONS.md, "HAProxy's retries, observed").
//
// Format (HAProxy 2.6 src/stream.c, cli_io_handler_dump_sess):
//   0x…: proto=tcpv4 src=127.0.0.1:55862 fe=shop be=app srv=B ts=00 … scf=[8,280h,fd=8] scb=[3,1h,fd=-1] exp=0s rc=2 c_exp=0s
// scb's first number is the server side's state (include/haproxy/stconn-t.h, enum sc_state).

/** enum sc_state: SC_ST_INI 0, REQ 1, QUE 2, TAR 3 (the turn-around after a failed connect), ASS 4, CON 5, CER 6, RDY 7, EST 8, DIS 9, CLO 10. */
export const SC_ST_TAR = 3

export interface StreamView {
  /** The server the stream is assigned to (`<none>` when none). */
  readonly server: string
  /** Server-side connection state (enum sc_state). */
  readonly state: number
  /** Failed connection attempts so far (conn_retries). */
  readonly failed: number
}

const LINE = /^0x[0-9a-f]+: proto=\S+ src=127\.0\.0\.1:(\d+) .*?\bsrv=(\S+) .*?\bscb=\[(\d+),.*?\brc=(-?\d+)/

/** The streams of `show sess` by client port (127.0.0.1 only; the admin socket's own stream is left out). */
export function parseStreams(text: string): Map<number, StreamView> {
  const out = new Map<number, StreamView>()
  for (const line of text.split('\n')) {
    const m = LINE.exec(line)
    if (!m) continue
    out.set(Number(m[1]), { server: m[2]!, state: Number(m[3]), failed: Number(m[4]) })
  }
  return out
}

/** The stream waits in HAProxy's turn-around after `failed` refused connections. */
export function inTurnAround(v: StreamView | undefined, failed: number): boolean {
  return v !== undefined && v.state === SC_ST_TAR && v.failed === failed
}

/** Words for a stream's state in a failure sentence. */
export function describeStream(v: StreamView | undefined): string {
  if (!v) return 'no longer in HAProxy (answered or closed)'
  const names = ['INI', 'REQ', 'QUE', 'TAR', 'ASS', 'CON', 'CER', 'RDY', 'EST', 'DIS', 'CLO']
  return `in state ${names[v.state] ?? v.state} with ${v.failed} failed connection(s), server ${v.server}`
}
