// `balance roundrobin` of HAProxy 2.6: the fast weighted round robin of src/lb_fwrr.c, ported line for
// line for one group of active servers (the lab has no backup servers and no maxconn, so no server is
// ever "saturated"). See docs/facts/haproxy.md §Round robin.
//
// Why it matters: a server that comes back (leaves maint or drain, or is marked UP) is not simply "next"
// — fwrr_set_server_status_up places it at the end of the current window, so the servers already in
// rotation finish their turn first. And a redispatch avoids only the server that just failed
// (fwrr_get_next_server's `srvtoavoid`), taking it anyway when nothing else is left.
//
// The state is plain data (copied by the engine's copy-on-write, src/sim/cow.ts). The ebtrees become
// lists sorted by (key, insertion order): eb32_insert keeps duplicates in insertion order (ebtree.h
// __eb_insert_dup), and eb32_first returns the smallest key, the oldest duplicate first.

/** BE_WEIGHT_SCALE, SRV_UWGHT_RANGE and SRV_EWGHT_MAX (include/haproxy/backend-t.h, server-t.h). */
const WEIGHT_SCALE = 16
const UWGHT_RANGE = 256
const EWGHT_MAX = 256 * WEIGHT_SCALE

type Tree = 't0' | 't1' | 'curr'

export interface FwrrServer {
  /** cur_eweight = next_eweight: user weight × 16 (no slowstart). */
  eweight: number
  /** srv_currently_usable() as last committed to the balancer. */
  usable: boolean
  tree: Tree | null
  key: number
  /** Insertion order within a tree (ties on `key`). */
  seq: number
  npos: number
  lpos: number
  rweight: number
}

export interface FwrrState {
  servers: FwrrServer[]
  currPos: number
  currWeight: number
  nextWeight: number
  /** Which of the two weight trees is "init" (the other is "next"). */
  init: 't0' | 't1'
  seq: number
}

const nextTree = (st: FwrrState): 't0' | 't1' => (st.init === 't0' ? 't1' : 't0')

/**
 * fwrr_init_server_groups(): every server usable at start (weight > 0, not disabled; health checks
 * start UP) is queued in config order into the "init" tree.
 */
export function createFwrr(weights: readonly number[], usable: readonly boolean[]): FwrrState {
  const servers = weights.map((w, i): FwrrServer => ({ eweight: w * WEIGHT_SCALE, usable: w > 0 && usable[i] === true, tree: null, key: 0, seq: 0, npos: 0, lpos: 0, rweight: 0 }))
  const tot = servers.reduce((sum, s) => sum + (s.usable ? s.eweight : 0), 0)
  const st: FwrrState = { servers, currPos: tot, currWeight: tot, nextWeight: tot, init: 't0', seq: 0 }
  for (const s of servers) if (s.usable) queueByWeight(st, st.init, s)
  return st
}

export function cloneFwrr(st: FwrrState): FwrrState {
  return { ...st, servers: st.servers.map((s) => ({ ...s })) }
}

/** A server added to the backend after start (the lab's slot beyond the config): not usable yet. */
export function addFwrrServer(st: FwrrState, weight: number): void {
  st.servers.push({ eweight: weight * WEIGHT_SCALE, usable: false, tree: null, key: 0, seq: 0, npos: 0, lpos: 0, rweight: 0 })
}

/** srv_act: active servers in rotation. */
export const fwrrActive = (st: FwrrState): number => st.servers.reduce((n, s) => n + (s.usable ? 1 : 0), 0)

function first(st: FwrrState, tree: Tree): FwrrServer | null {
  let best: FwrrServer | null = null
  for (const s of st.servers) {
    if (s.tree !== tree) continue
    if (best === null || s.key < best.key || (s.key === best.key && s.seq < best.seq)) best = s
  }
  return best
}

function insert(st: FwrrState, tree: Tree, s: FwrrServer, key: number): void {
  s.key = key >>> 0
  s.tree = tree
  s.seq = ++st.seq
}

/** fwrr_queue_by_weight(): heavier servers first. */
function queueByWeight(st: FwrrState, tree: Tree, s: FwrrServer): void {
  insert(st, tree, s, EWGHT_MAX - s.eweight)
}

/** fwrr_queue_srv(): into the current window at `npos`, or into "next" when it doesn't fit. */
function queueSrv(st: FwrrState, s: FwrrServer): void {
  if (!s.usable) s.tree = null
  else if (s.eweight <= 0 || s.npos >= 2 * st.currWeight || s.npos >= st.currWeight + st.nextWeight) {
    s.npos -= st.currWeight
    queueByWeight(st, nextTree(st), s)
  } else insert(st, 'curr', s, UWGHT_RANGE * s.npos + Math.floor((EWGHT_MAX + s.rweight - s.eweight) / WEIGHT_SCALE))
}

/** fwrr_get_srv(): prepares a server taken out of its tree (or coming back from down). */
function getSrv(st: FwrrState, s: FwrrServer): void {
  if (s.tree === st.init) {
    s.npos = 0
    s.rweight = 0
  } else if (s.tree === nextTree(st)) s.npos += st.currWeight
  else if (s.tree === null) s.npos = st.currPos
}

/** fwrr_set_server_status_down(): out of every tree; the next window loses its weight. */
export function fwrrServerDown(st: FwrrState, i: number): void {
  const s = st.servers[i]
  if (!s || !s.usable) return
  st.nextWeight -= s.eweight
  s.tree = null
  s.usable = false
}

/** fwrr_set_server_status_up(): back at the end of the current window (or in the next one). */
export function fwrrServerUp(st: FwrrState, i: number): void {
  const s = st.servers[i]
  if (!s || s.usable || s.eweight <= 0) return
  st.nextWeight += s.eweight
  s.usable = true
  getSrv(st, s)
  s.npos = st.currPos + Math.floor((st.nextWeight + st.currWeight - st.currPos) / s.eweight)
  queueSrv(st, s)
}

/** Brings the balancer's view in line with `usable` (index order; a server may only go up with weight > 0). */
export function fwrrSync(st: FwrrState, usable: readonly boolean[]): void {
  for (let i = 0; i < usable.length; i++) {
    const s = st.servers[i]
    if (!s) continue
    if (s.usable && !usable[i]) fwrrServerDown(st, i)
    else if (!s.usable && usable[i]) fwrrServerUp(st, i)
  }
}

/** fwrr_get_server_from_group(). */
function fromGroup(st: FwrrState): FwrrServer | null {
  const s1 = first(st, 'curr')
  if (s1 && s1.eweight && s1.npos <= st.currPos) return s1
  const s2 = first(st, st.init)
  if (s2 && s2.eweight) {
    s2.npos = 0
    s2.rweight = 0
    return s2
  }
  return s1
}

/** fwrr_update_position(). */
function updatePosition(st: FwrrState, s: FwrrServer): void {
  if (!s.eweight) return
  if (!s.npos) s.npos = st.currPos
  s.lpos = s.npos
  s.npos += Math.floor(st.nextWeight / s.eweight)
  s.rweight += st.nextWeight % s.eweight
  if (s.rweight >= s.eweight) {
    s.rweight -= s.eweight
    s.npos++
  }
}

/**
 * fwrr_get_next_server(): the next server's index, or null when none is in rotation. `avoid` is the
 * server a redispatch moves away from (the stream's previous target): skipped once, and taken if it is
 * the only one left.
 */
export function fwrrNext(st: FwrrState, avoid: number | null = null): number | null {
  if (fwrrActive(st) === 0) return null
  const avoidSrv = avoid === null ? null : (st.servers[avoid] ?? null)
  let switched = false
  let avoided: FwrrServer | null = null
  let srv: FwrrServer | null
  for (;;) {
    if (!st.currWeight) st.currPos = st.currWeight = st.nextWeight
    for (;;) {
      srv = fromGroup(st)
      if (srv) break
      if (switched) {
        if (avoided) srv = avoided
        break
      }
      switched = true
      // fwrr_switch_trees(): "next" becomes "init", the window restarts at the new total weight.
      st.init = nextTree(st)
      st.currWeight = st.nextWeight
      st.currPos = st.currWeight
    }
    if (!srv) return null
    if (srv === avoided) break
    updatePosition(st, srv)
    srv.tree = null
    st.currPos++
    if (srv !== avoidSrv || avoided) break
    avoided = srv
  }
  queueSrv(st, srv)
  // Requeue the avoided server if another one was taken.
  if (avoided && avoided !== srv) {
    if (switched) queueByWeight(st, st.init, avoided)
    else queueSrv(st, avoided)
  }
  return st.servers.indexOf(srv)
}
