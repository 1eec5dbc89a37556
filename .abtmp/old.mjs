// ../../../tmp/oldsim/src/sim/config.ts
var DEFAULT_CONFIG = {
  servers: 3,
  users: 12,
  policy: "round-robin",
  storage: "memory",
  thinkMs: 2500,
  rate: 1,
  breakChance: 0.1,
  breakMs: 9e4,
  arrivalSpreadMs: 4e3,
  heavyUsers: 0,
  heavyIds: [],
  heavyRateFactor: 4,
  heavyCostFactor: 3,
  natGroups: [],
  workers: 1,
  queueLimit: 60,
  startupMs: 3e3,
  cookie: { name: "AWSALB", ttlMs: 864e5, mode: "sliding" },
  clientIpTimeoutMs: 108e5,
  header: { name: "X-User-Id", source: "gateway" },
  health: { intervalMs: 2e3, unhealthyThreshold: 2, healthyThreshold: 2 },
  passive: { maxFails: 1, failTimeoutMs: 1e4 },
  failover: "repin",
  lbRetry: true,
  drainTimeoutMs: 3e5,
  sessionIdleMs: 18e5,
  store: { persistent: true },
  jwt: { ttlMs: 9e5, denyList: false, carts: "memory" },
  idempotencyKeys: false,
  canaryPercent: 0,
  responseLossRate: 0,
  clientTimeoutMs: 3e3,
  clientRetryDelayMs: 1e3,
  websockets: false
};
var MAX_SERVERS = 10;
var MAX_USERS = 200;
var MAX_AFFINITY_TTL_MS = 31536e6;
function resolveConfig(...patches) {
  let c = DEFAULT_CONFIG;
  for (const p of patches) c = applyPatch(c, p);
  return {
    ...c,
    servers: clampInt(c.servers, 1, MAX_SERVERS),
    users: clampInt(c.users, 1, MAX_USERS)
  };
}
function applyPatch(c, p) {
  const out = { ...c };
  for (const [key, value] of Object.entries(p)) {
    if (value === void 0) continue;
    const base = out[key];
    out[key] = base !== null && typeof base === "object" && !Array.isArray(base) && typeof value === "object" && !Array.isArray(value) ? { ...base, ...value } : value;
  }
  return out;
}
function clampInt(n, lo, hi) {
  if (!Number.isFinite(n)) return lo;
  return Math.min(hi, Math.max(lo, Math.round(n)));
}

// ../../../tmp/oldsim/src/sim/heap.ts
function createHeap(capacity = 256) {
  return { data: new Int32Array(capacity * 4), size: 0 };
}
function cloneHeap(h) {
  return { data: h.data.slice(), size: h.size };
}
function heapTopTime(h) {
  return h.size > 0 ? h.data[0] : Infinity;
}
function heapPush(h, t, seq, a, b) {
  if ((t | 0) !== t) throw new RangeError(`event time ${t} is not a whole number of milliseconds below 2^31`);
  if ((h.size + 1) * 4 > h.data.length) {
    const grown = new Int32Array(h.data.length * 2);
    grown.set(h.data);
    h.data = grown;
  }
  const d = h.data;
  let i = h.size++;
  while (i > 0) {
    const parent = i - 1 >> 1;
    const p = parent << 2;
    const pt = d[p];
    if (pt < t || pt === t && d[p + 1] < seq) break;
    const j2 = i << 2;
    d[j2] = pt;
    d[j2 + 1] = d[p + 1];
    d[j2 + 2] = d[p + 2];
    d[j2 + 3] = d[p + 3];
    i = parent;
  }
  const j = i << 2;
  d[j] = t;
  d[j + 1] = seq;
  d[j + 2] = a;
  d[j + 3] = b;
}
function heapPop(h) {
  const d = h.data;
  const n = --h.size;
  if (n === 0) return;
  const last = n << 2;
  const t = d[last];
  const seq = d[last + 1];
  const a = d[last + 2];
  const b = d[last + 3];
  let i = 0;
  for (; ; ) {
    const l = 2 * i + 1;
    if (l >= n) break;
    let c = l;
    let ct = d[l << 2];
    let cs = d[(l << 2) + 1];
    const r = l + 1;
    if (r < n) {
      const rt = d[r << 2];
      const rs = d[(r << 2) + 1];
      if (rt < ct || rt === ct && rs < cs) {
        c = r;
        ct = rt;
        cs = rs;
      }
    }
    if (t < ct || t === ct && seq < cs) break;
    const j2 = i << 2;
    const k = c << 2;
    d[j2] = ct;
    d[j2 + 1] = cs;
    d[j2 + 2] = d[k + 2];
    d[j2 + 3] = d[k + 3];
    i = c;
  }
  const j = i << 2;
  d[j] = t;
  d[j + 1] = seq;
  d[j + 2] = a;
  d[j + 3] = b;
}

// ../../../tmp/oldsim/src/sim/histogram.ts
var FINE = 256;
var MID = 1280;
var COARSE = 1e4;
var BUCKETS = FINE + (MID - FINE) / 4 + Math.ceil((COARSE - MID) / 32) + 1;
function bucketOf(ms) {
  if (ms < FINE) return ms < 0 ? 0 : Math.floor(ms);
  if (ms < MID) return FINE + Math.floor((ms - FINE) / 4);
  if (ms < COARSE) return FINE + (MID - FINE) / 4 + Math.floor((ms - MID) / 32);
  return BUCKETS - 1;
}
function createHistogram() {
  return { counts: new Uint32Array(BUCKETS), total: 0 };
}
function cloneHistogram(h) {
  return { counts: h.counts.slice(), total: h.total };
}
function record(h, ms) {
  h.counts[bucketOf(ms)] += 1;
  h.total += 1;
}

// ../../../tmp/oldsim/src/sim/cow.ts
function beginTx(prev) {
  return {
    ...prev,
    gen: prev.gen + 1,
    heap: cloneHeap(prev.heap),
    events: new Map(prev.events),
    rng: prev.rng.clone(),
    users: prev.users.slice(),
    servers: prev.servers.slice(),
    inflight: prev.inflight.slice(),
    recent: prev.recent.slice(),
    trace: prev.trace.slice(),
    history: prev.history.slice(),
    counters: { ...prev.counters },
    latency: cloneHistogram(prev.latency),
    reconnectWindow: { ...prev.reconnectWindow },
    deploy: prev.deploy && { ...prev.deploy, queue: prev.deploy.queue.slice() }
  };
}
function mutUser(s, id) {
  const u = s.users[id];
  if (u.v === s.gen) return u;
  const jar = u.jar.affinity ? { ...u.jar, affinity: { ...u.jar.affinity } } : { ...u.jar };
  const copy = { ...u, v: s.gen, rng: u.rng.clone(), jar };
  s.users[id] = copy;
  return copy;
}
function mutServer(s, index) {
  const srv = s.servers[index];
  if (srv.v === s.gen) return srv;
  const copy = {
    ...srv,
    v: s.gen,
    queue: srv.queue.slice(),
    memory: new Map(srv.memory),
    latency: cloneHistogram(srv.latency)
  };
  s.servers[index] = copy;
  return copy;
}
function mutStore(s, which) {
  const st = s[which];
  if (st.v === s.gen) return st;
  const copy = { ...st, v: s.gen, sessions: new Map(st.sessions) };
  s[which] = copy;
  return copy;
}
function mutLb(s) {
  const lb = s.lb;
  if (lb.v === s.gen) return lb;
  const weights = {};
  for (const [k, w] of Object.entries(lb.rrWeights)) weights[k] = { ...w };
  const copy = { ...lb, v: s.gen, rrWeights: weights, clientIp: new Map(lb.clientIp) };
  s.lb = copy;
  return copy;
}
function mutRequest(s, user, id) {
  const r = s.inflight[user];
  if (r == null || r.id !== id) return void 0;
  if (r.v === s.gen) return r;
  const copy = { ...r, v: s.gen };
  s.inflight[user] = copy;
  return copy;
}

// node_modules/pure-rand/lib/esm/distribution/uniformInt.js
function uniformIntInternal(rng, rangeSize) {
  const MaxAllowed = rangeSize > 2 ? ~~(4294967296 / rangeSize) * rangeSize : 4294967296;
  let deltaV = rng.next() + 2147483648;
  while (deltaV >= MaxAllowed) deltaV = rng.next() + 2147483648;
  return deltaV % rangeSize;
}
function fromNumberToArrayInt64(out, n) {
  if (n < 0) {
    const posN = -n;
    out.sign = -1;
    out.data[0] = ~~(posN / 4294967296);
    out.data[1] = posN >>> 0;
  } else {
    out.sign = 1;
    out.data[0] = ~~(n / 4294967296);
    out.data[1] = n >>> 0;
  }
  return out;
}
function substractArrayInt64(out, arrayIntA, arrayIntB) {
  const lowA = arrayIntA.data[1];
  const highA = arrayIntA.data[0];
  const signA = arrayIntA.sign;
  const lowB = arrayIntB.data[1];
  const highB = arrayIntB.data[0];
  const signB = arrayIntB.sign;
  out.sign = 1;
  if (signA === 1 && signB === -1) {
    const low2 = lowA + lowB;
    const high = highA + highB + (low2 > 4294967295 ? 1 : 0);
    out.data[0] = high >>> 0;
    out.data[1] = low2 >>> 0;
    return out;
  }
  let lowFirst = lowA;
  let highFirst = highA;
  let lowSecond = lowB;
  let highSecond = highB;
  if (signA === -1) {
    lowFirst = lowB;
    highFirst = highB;
    lowSecond = lowA;
    highSecond = highA;
  }
  let reminderLow = 0;
  let low = lowFirst - lowSecond;
  if (low < 0) {
    reminderLow = 1;
    low = low >>> 0;
  }
  out.data[0] = highFirst - highSecond - reminderLow;
  out.data[1] = low;
  return out;
}
function uniformArrayIntInternal(rng, out, rangeSize) {
  const maxIndex0 = rangeSize[0] + 1;
  out[0] = uniformIntInternal(rng, maxIndex0);
  out[1] = uniformIntInternal(rng, 4294967296);
  while (out[0] >= rangeSize[0] && (out[0] !== rangeSize[0] || out[1] >= rangeSize[1])) {
    out[0] = uniformIntInternal(rng, maxIndex0);
    out[1] = uniformIntInternal(rng, 4294967296);
  }
  return out;
}
var safeNumberMaxSafeInteger = Number.MAX_SAFE_INTEGER;
var sharedA = {
  sign: 1,
  data: [0, 0]
};
var sharedB = {
  sign: 1,
  data: [0, 0]
};
var sharedC = {
  sign: 1,
  data: [0, 0]
};
var sharedData = [0, 0];
function uniformLargeIntInternal(rng, from, to, rangeSize) {
  const rangeSizeArrayIntValue = rangeSize <= safeNumberMaxSafeInteger ? fromNumberToArrayInt64(sharedC, rangeSize) : substractArrayInt64(sharedC, fromNumberToArrayInt64(sharedA, to), fromNumberToArrayInt64(sharedB, from));
  if (rangeSizeArrayIntValue.data[1] === 4294967295) {
    rangeSizeArrayIntValue.data[0] += 1;
    rangeSizeArrayIntValue.data[1] = 0;
  } else rangeSizeArrayIntValue.data[1] += 1;
  uniformArrayIntInternal(rng, sharedData, rangeSizeArrayIntValue.data);
  return sharedData[0] * 4294967296 + sharedData[1] + from;
}
function uniformInt(rng, from, to) {
  const rangeSize = to - from;
  if (rangeSize <= 4294967295) return uniformIntInternal(rng, rangeSize + 1) + from;
  return uniformLargeIntInternal(rng, from, to, rangeSize);
}

// node_modules/pure-rand/lib/esm/generator/xoroshiro128plus.js
var jumps = [
  3639956645,
  3750757012,
  1261568508,
  386426335
];
var XoroShiro128Plus = class XoroShiro128Plus2 {
  constructor(s01, s00, s11, s10) {
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
  }
  clone() {
    return new XoroShiro128Plus2(this.s01, this.s00, this.s11, this.s10);
  }
  next() {
    const out = this.s00 + this.s10 | 0;
    const a0 = this.s10 ^ this.s00;
    const a1 = this.s11 ^ this.s01;
    const s00 = this.s00;
    const s01 = this.s01;
    this.s00 = s00 << 24 ^ s01 >>> 8 ^ a0 ^ a0 << 16;
    this.s01 = s01 << 24 ^ s00 >>> 8 ^ a1 ^ (a1 << 16 | a0 >>> 16);
    this.s10 = a1 << 5 ^ a0 >>> 27;
    this.s11 = a0 << 5 ^ a1 >>> 27;
    return out;
  }
  jump() {
    let ns01 = 0;
    let ns00 = 0;
    let ns11 = 0;
    let ns10 = 0;
    let s01 = this.s01;
    let s00 = this.s00;
    let s11 = this.s11;
    let s10 = this.s10;
    for (let i = 0; i !== 4; ++i) {
      const ji = jumps[i];
      for (let mask = 1; mask; mask <<= 1) {
        if (ji & mask) {
          ns01 ^= s01;
          ns00 ^= s00;
          ns11 ^= s11;
          ns10 ^= s10;
        }
        const a0 = s10 ^ s00;
        const a1 = s11 ^ s01;
        const s00_ = s00;
        const s01_ = s01;
        s00 = s00_ << 24 ^ s01_ >>> 8 ^ a0 ^ a0 << 16;
        s01 = s01_ << 24 ^ s00_ >>> 8 ^ a1 ^ (a1 << 16 | a0 >>> 16);
        s10 = a1 << 5 ^ a0 >>> 27;
        s11 = a0 << 5 ^ a1 >>> 27;
      }
    }
    this.s01 = ns01;
    this.s00 = ns00;
    this.s11 = ns11;
    this.s10 = ns10;
  }
  getState() {
    return [
      this.s01,
      this.s00,
      this.s11,
      this.s10
    ];
  }
};
function xoroshiro128plus(seed) {
  return new XoroShiro128Plus(-1, ~seed, seed | 0, 0);
}

// ../../../tmp/oldsim/src/sim/rng.ts
function createRng(seed, stream = 0) {
  return xoroshiro128plus(mix(seed, stream));
}
function nextFloat(rng) {
  return (rng.next() >>> 0) / 4294967296;
}
function nextInt(rng, n) {
  return n <= 1 ? 0 : uniformInt(rng, 0, n - 1);
}
function exponential(rng, mean, min, max) {
  const x = -Math.log(1 - nextFloat(rng)) * mean;
  return Math.round(Math.min(max, Math.max(min, x)));
}
function between(rng, lo, hi) {
  return Math.round(lo + nextFloat(rng) * (hi - lo));
}
function mix(seed, stream) {
  let h = seed ^ Math.imul(stream + 1, 2654435769) | 0;
  h = Math.imul(h ^ h >>> 16, 2246822507);
  h = Math.imul(h ^ h >>> 13, 3266489909);
  return h ^ h >>> 16 | 0;
}

// ../../../tmp/oldsim/src/sim/storage.ts
var ACCESS_MS = { memory: 0, sessionStore: 1, database: 5 };
var MEMORY_HOMES = Array.from({ length: 10 }, (_, server) => ({ kind: "memory", server }));
var STORE_HOME = { kind: "store", which: "sessionStore" };
var DB_HOME = { kind: "store", which: "database" };
function sessionHome(s, storage, serverIdx) {
  switch (storage) {
    case "memory":
      return MEMORY_HOMES[serverIdx];
    case "shared":
      return STORE_HOME;
    case "database":
      return DB_HOME;
    case "jwt":
      return s.config.jwt.carts === "shared" ? STORE_HOME : MEMORY_HOMES[serverIdx];
  }
}
function homeUp(s, home) {
  return home.kind === "memory" || s[home.which].up;
}
function accessMs(home) {
  return home.kind === "memory" ? ACCESS_MS.memory : ACCESS_MS[home.which];
}
function getSession(s, home, key) {
  return home.kind === "memory" ? s.servers[home.server].memory.get(key) : s[home.which].sessions.get(key);
}
function touchSession(s, home, key) {
  const map = home.kind === "memory" ? mutServer(s, home.server).memory : mutStore(s, home.which).sessions;
  const session = map.get(key);
  if (session === void 0 || session.v === s.gen) return session;
  const copy = { ...session, v: s.gen };
  map.set(key, copy);
  return copy;
}
function putSession(s, home, key, session) {
  if (home.kind === "memory") mutServer(s, home.server).memory.set(key, session);
  else mutStore(s, home.which).sessions.set(key, session);
}
function deleteSession(s, home, key) {
  if (home.kind === "memory") mutServer(s, home.server).memory.delete(key);
  else mutStore(s, home.which).sessions.delete(key);
}
function storeInUse(s) {
  return s.config.storage === "database" ? s.database : s.sessionStore;
}
function cartKey(user) {
  return `cart:${user}`;
}
function isLive(session, now, idleMs) {
  return now - session.lastSeen < idleMs;
}

// ../../../tmp/oldsim/src/sim/app.ts
function baseCost(kind) {
  switch (kind) {
    case "landing":
      return 30;
    case "login":
      return 120;
    case "browse":
      return 60;
    case "addToCart":
      return 45;
    case "checkout":
      return 180;
  }
}
function serve(s, req, serverIdx) {
  const user = mutUser(s, req.user);
  const heavy = user.heavy ? s.config.heavyCostFactor : 1;
  const work = Math.round(baseCost(req.kind) * heavy * between(user.rng, 60, 140) / 100);
  return work + handle(s, req, serverIdx);
}
function result(req, outcome, status, detail, storeMs) {
  req.outcome = outcome;
  req.status = status;
  req.detail = detail;
  return storeMs;
}
function handle(s, req, serverIdx) {
  const user = s.users[req.user];
  const storage = s.config.storage;
  const home = sessionHome(s, storage, serverIdx);
  const id = s.servers[serverIdx].id;
  if (req.kind === "landing") {
    if (user.jar.uid === null) req.sets = { uid: visitorId(s.seed, user.id) };
    return result(req, "ok", 200, "home page", 0);
  }
  if (req.kind === "login") {
    if (storage === "jwt") {
      const jti = `t${s.nextSid++}`;
      req.sets = { jwt: { jti, exp: s.now + s.config.jwt.ttlMs } };
      return result(req, "ok", 200, `signed token ${jti}`, 0);
    }
    if (!homeUp(s, home)) return result(req, "error", 503, `${storeName(home)} unreachable \u2192 503`, 0);
    const sid = `s${s.nextSid++}`;
    putSession(s, home, sid, { v: s.gen, sid, user: user.id, cart: 0, createdAt: s.now, lastSeen: s.now });
    req.sets = { sid };
    return result(req, "ok", 200, `new session ${sid} ${where(home, id)}`, accessMs(home));
  }
  return storage === "jwt" ? handleWithToken(s, req, home, id) : handleWithSession(s, req, home, id);
}
function handleWithSession(s, req, home, id) {
  const user = s.users[req.user];
  if (!homeUp(s, home)) return result(req, "error", 503, `${storeName(home)} unreachable \u2192 503`, 0);
  const sid = user.jar.sid;
  const found = sid === null ? void 0 : touchSession(s, home, sid);
  if (sid === null || found === void 0) {
    const where2 = home.kind === "memory" ? `on ${id}` : `in the ${storeName(home)}`;
    return result(req, "notLoggedIn", 200, `no session ${sid ?? ""} ${where2} \u2192 login page`, accessMs(home));
  }
  if (!isLive(found, s.now, s.config.sessionIdleMs)) {
    deleteSession(s, home, sid);
    return result(req, "notLoggedIn", 200, `session ${sid} expired \u2192 login page`, accessMs(home));
  }
  found.lastSeen = s.now;
  return result(req, "ok", 200, applyCartAction(s, req, found, `session ${sid} found`), 2 * accessMs(home));
}
function handleWithToken(s, req, home, id) {
  const user = s.users[req.user];
  const token = user.jar.jwt;
  if (token === null || token.exp <= s.now) return result(req, "notLoggedIn", 200, "token expired \u2192 login page", 0);
  let cost = 0;
  if (s.config.jwt.denyList) {
    if (!s.sessionStore.up) return result(req, "error", 503, "deny list (shared store) unreachable \u2192 503", 0);
    cost += accessMs({ kind: "store", which: "sessionStore" });
    if (s.deny.has(token.jti)) return result(req, "revoked", 401, `token ${token.jti} is on the deny list \u2192 401`, cost);
  }
  if (req.kind === "browse") return result(req, "ok", 200, `token ${token.jti} verified`, cost);
  if (!homeUp(s, home)) return result(req, "error", 503, `${storeName(home)} unreachable \u2192 503`, cost);
  cost += 2 * accessMs(home);
  const key = cartKey(user.id);
  const stored = getSession(s, home, key);
  const have = stored && isLive(stored, s.now, s.config.sessionIdleMs) ? stored.cart : 0;
  if (have < user.believedCart) {
    const fresh = req.kind === "addToCart" ? 1 : 0;
    putSession(s, home, key, { v: s.gen, sid: key, user: user.id, cart: fresh, createdAt: s.now, lastSeen: s.now });
    return result(req, "cartMissing", 200, `token ok, but no cart ${where(home, id)}`, cost);
  }
  if (!stored) putSession(s, home, key, { v: s.gen, sid: key, user: user.id, cart: 0, createdAt: s.now, lastSeen: s.now });
  const cart = touchSession(s, home, key);
  cart.cart = have;
  cart.lastSeen = s.now;
  return result(req, "ok", 200, applyCartAction(s, req, cart, `token ${token.jti} verified`), cost);
}
function applyCartAction(s, req, session, prefix) {
  if (req.kind === "addToCart") {
    session.cart += 1;
    return `${prefix} \xB7 cart ${session.cart}`;
  }
  if (req.kind !== "checkout") return prefix;
  session.cart = 0;
  return `${prefix} \xB7 ${placeOrder(s, req)}`;
}
function placeOrder(s, req) {
  const user = mutUser(s, req.user);
  if (s.config.idempotencyKeys && user.committedIntent === req.intent) {
    return `idempotency key seen \u2192 original order returned`;
  }
  const duplicate = user.committedIntent === req.intent;
  user.committedIntent = req.intent;
  user.orders += 1;
  s.counters.orders += 1;
  if (duplicate) {
    s.counters.duplicateOrders += 1;
    return `order placed AGAIN \u2192 duplicate order`;
  }
  return `order placed`;
}
function where(home, id) {
  return home.kind === "memory" ? `in ${id}'s memory` : `in the ${storeName(home)}`;
}
function storeName(home) {
  return home.kind === "memory" ? "memory" : home.which === "sessionStore" ? "shared store" : "database";
}
function visitorId(seed, user) {
  let h = seed * 31 + user * 2654435761 >>> 0;
  h = Math.imul(h ^ h >>> 15, 739982445) >>> 0;
  return `v${h.toString(16).padStart(8, "0")}`;
}

// ../../../tmp/oldsim/src/sim/trace.ts
var TRACE_LIMIT = 400;
function emit(s, kind, text, refs) {
  s.trace.push({ seq: s.traceSeq++, t: s.now, item: s.itemCount, kind, text, ...refs });
  if (s.trace.length > TRACE_LIMIT * 2) s.trace.splice(0, s.trace.length - TRACE_LIMIT);
}
function formatDuration(ms) {
  const DAY = 864e5;
  if (ms >= DAY && ms % DAY === 0) return ms === DAY ? "1 day" : `${ms / DAY} days`;
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 12e4) return `${+(ms / 1e3).toFixed(1)} s`;
  if (ms < 72e5) return `${+(ms / 6e4).toFixed(1)} min`;
  if (ms < 1728e5) return `${+(ms / 36e5).toFixed(1)} h`;
  return `${+(ms / 864e5).toFixed(1)} days`;
}

// ../../../tmp/oldsim/src/sim/policies/policy.ts
function noServer(decision, status = 503) {
  return { server: null, decision, status };
}

// ../../../tmp/oldsim/src/sim/policies/clientIp.ts
var clientIp = {
  id: "client-ip",
  label: "Kubernetes ClientIP",
  sticky: true,
  describe: (c) => `Kubernetes sessionAffinity: ClientIP, timeoutSeconds ${c.clientIpTimeoutMs / 1e3} (${formatDuration(c.clientIpTimeoutMs)})`,
  route(ctx2) {
    const { s, user } = ctx2;
    const entry = s.lb.clientIp.get(user.ip);
    const fresh = entry !== void 0 && s.now - entry.lastSeen < s.config.clientIpTimeoutMs;
    if (entry && fresh && ctx2.canUse(entry.server, true)) {
      mutLb(s).clientIp.set(user.ip, { server: entry.server, lastSeen: s.now });
      return { server: entry.server, decision: `${user.ip} is in the affinity table \u2192 ${entry.server}` };
    }
    const candidates = ctx2.candidates();
    if (candidates.length === 0) return noServer("no ready endpoint \u2192 connection refused", 503);
    const srv = candidates[Math.floor(ctx2.random() * candidates.length)];
    mutLb(s).clientIp.set(user.ip, { server: srv.id, lastSeen: s.now });
    const why = entry === void 0 ? `${user.ip} not in the table` : fresh ? `${entry.server} is not ready` : "entry timed out";
    return { server: srv.id, decision: `${why} \u2192 random endpoint ${srv.id} \xB7 remembered for ${user.ip}` };
  }
};

// ../../../tmp/oldsim/src/sim/policies/cookie.ts
var cookie = {
  id: "cookie",
  label: "Cookie affinity",
  sticky: true,
  describe: (c) => `cookie ${c.cookie.name}, ${formatDuration(c.cookie.ttlMs)}, ${c.cookie.mode}`,
  route(ctx2) {
    const { s, user } = ctx2;
    const name = s.config.cookie.name;
    const jar = user.jar.affinity;
    if (s.config.canaryPercent > 0 && ctx2.random() * 100 < s.config.canaryPercent) {
      return pickFresh(ctx2, `canary (${s.config.canaryPercent}% without affinity)`, false);
    }
    if (jar === null) return pickFresh(ctx2, `no ${name} cookie`, true);
    if (jar.expiresAt <= s.now) return pickFresh(ctx2, `${name} cookie expired`, true);
    if (ctx2.canUse(jar.server, true)) return followCookie(name, jar.server);
    if (s.config.failover === "fail") return noServer(`cookie says ${jar.server}, ${jar.server} is unavailable \u2192 503 (no failover)`);
    return pickFresh(ctx2, `cookie says ${jar.server}, ${jar.server} is unavailable`, true, "re-pin to");
  }
};
var followed = /* @__PURE__ */ new Map();
function followCookie(name, server) {
  let byServer = followed.get(name);
  if (!byServer) followed.set(name, byServer = /* @__PURE__ */ new Map());
  let result2 = byServer.get(server);
  if (!result2) {
    result2 = { server, decision: `cookie ${name} says ${server} \u2192 ${server}`, affinity: { server, issued: false } };
    byServer.set(server, result2);
  }
  return result2;
}
function pickFresh(ctx2, why, issue, verb = "round robin \u2192") {
  const srv = ctx2.roundRobin();
  if (!srv) return noServer(`${why} \u2192 no healthy server \u2192 503`);
  const name = ctx2.s.config.cookie.name;
  return {
    server: srv.id,
    decision: issue ? `${why} \u2192 ${verb} ${srv.id} \xB7 set ${name}=${srv.id}` : `${why} \u2192 ${srv.id}`,
    ...issue ? { affinity: { server: srv.id, issued: true } } : {}
  };
}

// ../../../tmp/oldsim/src/sim/nginx/crc32.ts
var TABLE = buildTable();
function buildTable() {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}
var encoder = new TextEncoder();
function toBytes(input) {
  return typeof input === "string" ? encoder.encode(input) : input;
}
function crc32Update(register, bytes) {
  let c = register;
  for (let i = 0; i < bytes.length; i++) {
    c = TABLE[(c ^ bytes[i]) & 255] ^ c >>> 8;
  }
  return c >>> 0;
}
var CRC32_INIT = 4294967295;
function crc32Final(register) {
  return (register ^ 4294967295) >>> 0;
}
function crc32(input) {
  return crc32Final(crc32Update(CRC32_INIT, toBytes(input)));
}

// ../../../tmp/oldsim/src/sim/nginx/ip.ts
var IpParseError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "IpParseError";
  }
};
function parseIp(text) {
  const s = text.trim();
  if (s === "") throw new IpParseError("empty IP address");
  if (s.includes(":")) return { family: 6, bytes: parseIpv6(s) };
  return { family: 4, bytes: parseIpv4(s, text) };
}
function parseIpv4(s, original) {
  const parts = s.split(".");
  if (parts.length !== 4) {
    throw new IpParseError(`"${original}" is not an IP address (IPv4 needs 4 dot-separated numbers)`);
  }
  const bytes = new Uint8Array(4);
  parts.forEach((part, i) => {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) {
      throw new IpParseError(`"${original}" is not an IP address ("${part}" is not a number from 0 to 255)`);
    }
    bytes[i] = Number(part);
  });
  return bytes;
}
function parseIpv6(s) {
  const bad = (why) => new IpParseError(`"${s}" is not an IPv6 address (${why})`);
  const halves = s.split("::");
  if (halves.length > 2) throw bad('"::" may appear only once');
  const head = splitGroups(halves[0] ?? "", bad);
  const tail = halves.length === 2 ? splitGroups(halves[1] ?? "", bad) : [];
  const groups = [...head, ...tail];
  let v4 = null;
  const last = groups[groups.length - 1];
  if (last !== void 0 && last.includes(".")) {
    try {
      v4 = parseIpv4(last, last);
    } catch {
      throw bad(`"${last}" is not a valid IPv4 tail`);
    }
    if (halves.length === 2 && tail.length === 0) throw bad("an IPv4 part may only appear at the end");
    groups.pop();
    if (tail.length > 0) tail.pop();
    else head.pop();
  }
  for (const g of groups) {
    if (g.includes(".")) throw bad("an IPv4 part may only appear at the end");
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw bad(`"${g}" is not a group of 1 to 4 hex digits`);
  }
  const wanted = v4 ? 6 : 8;
  const present = head.length + tail.length;
  if (halves.length === 1 && present !== wanted) throw bad(`expected ${wanted} groups, got ${present}`);
  if (halves.length === 2 && present > wanted - 1) throw bad('too many groups around "::"');
  const words = [...head.map(hex), ...new Array(wanted - present).fill(0), ...tail.map(hex)];
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 255;
  });
  if (v4) bytes.set(v4, 12);
  return bytes;
}
function splitGroups(part, bad) {
  if (part === "") return [];
  const groups = part.split(":");
  if (groups.some((g) => g === "")) throw bad("empty group");
  return groups;
}
function hex(group) {
  return parseInt(group, 16);
}
function formatIp(ip) {
  if (ip.family === 4) return Array.from(ip.bytes).join(".");
  const words = [];
  for (let i = 0; i < 16; i += 2) words.push(ip.bytes[i] << 8 | ip.bytes[i + 1]);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const text = (ws) => ws.map((w) => w.toString(16)).join(":");
  if (bestStart < 0) return text(words);
  return `${text(words.slice(0, bestStart))}::${text(words.slice(bestStart + bestLen))}`;
}

// ../../../tmp/oldsim/src/sim/nginx/duration.ts
var UNIT_SECONDS = {
  y: 365 * 86400,
  M: 30 * 86400,
  w: 7 * 86400,
  d: 86400,
  h: 3600,
  m: 60,
  s: 1
};

// ../../../tmp/oldsim/src/sim/nginx/peerView.ts
function skipReason(view, tried, i) {
  if (tried.has(i)) return "tried";
  if (view.servers[i]?.down) return "down";
  if (view.isFailed(i)) return "failed";
  return null;
}
function skipText(reason) {
  switch (reason) {
    case "tried":
      return "was already tried by this request";
    case "down":
      return "is marked down";
    case "failed":
      return "is failing (disabled for fail_timeout)";
  }
}
function explainLine(kind, text, server = null) {
  return { kind, text, server };
}
var MAX_HASH_TRIES = 20;

// ../../../tmp/oldsim/src/sim/nginx/weightSlot.ts
function totalWeight(servers) {
  let total = 0;
  for (const s of servers) total += s.weight;
  return total;
}
function peerForSlot(servers, w) {
  let rest = w;
  for (let i = 0; i < servers.length; i++) {
    const weight = servers[i]?.weight ?? 0;
    if (rest < weight) return i;
    rest -= weight;
  }
  throw new RangeError(`weight slot ${w} is outside the total weight ${totalWeight(servers)}`);
}

// ../../../tmp/oldsim/src/sim/nginx/roundRobin.ts
function roundRobinPick(rr, view, tried) {
  const { servers } = view;
  const only = servers[0];
  if (servers.length === 1 && only) {
    if (only.down) return { index: null, explain: [explainLine("none", `${only.name} is marked down`, 0)] };
    return { index: 0, explain: [explainLine("round-robin", `only one server \u2192 ${only.name}`, 0)] };
  }
  let best = -1;
  let total = 0;
  for (let i = 0; i < servers.length; i++) {
    const server = servers[i];
    if (!server || skipReason(view, tried, i) !== null) continue;
    const effective = rr.effective[i] ?? server.weight;
    rr.current[i] = (rr.current[i] ?? 0) + effective;
    total += effective;
    if (effective < server.weight) rr.effective[i] = effective + 1;
    if (best < 0 || (rr.current[i] ?? 0) > (rr.current[best] ?? 0)) best = i;
  }
  if (best < 0) return { index: null, explain: [explainLine("none", "round robin: no server is usable")] };
  rr.current[best] = (rr.current[best] ?? 0) - total;
  view.onSelected?.(best);
  const name = servers[best]?.name ?? String(best);
  return { index: best, explain: [explainLine("round-robin", `round robin picks ${name}`, best)] };
}

// ../../../tmp/oldsim/src/sim/nginx/ipHash.ts
var IP_HASH_INIT = 89;
var IP_HASH_MULTIPLIER = 113;
var IP_HASH_MODULUS = 6271;
function ipHashKeyBytes(ip) {
  return ip.family === 4 ? ip.bytes.slice(0, 3) : ip.bytes.slice();
}
function ipHashKey(key) {
  if (typeof key === "string") {
    const ip = parseIp(key);
    return { bytes: ipHashKeyBytes(ip), label: keyLabel(ip) };
  }
  if (key.length === 4 || key.length === 16) {
    const ip = { family: key.length === 4 ? 4 : 6, bytes: key };
    return { bytes: ipHashKeyBytes(ip), label: keyLabel(ip) };
  }
  if (key.length === 3) return { bytes: key.slice(), label: Array.from(key).join(".") };
  throw new RangeError(`ip_hash needs 4 (IPv4) or 16 (IPv6) address bytes, got ${key.length}`);
}
function keyLabel(ip) {
  return ip.family === 4 ? Array.from(ip.bytes.slice(0, 3)).join(".") : formatIp(ip);
}
function ipHashMix(h, bytes) {
  let hash2 = h;
  for (let i = 0; i < bytes.length; i++) hash2 = (hash2 * IP_HASH_MULTIPLIER + bytes[i]) % IP_HASH_MODULUS;
  return hash2;
}
function createIpHashRequest(key) {
  const { bytes, label } = ipHashKey(key);
  return { bytes, label, hash: IP_HASH_INIT, tries: 0 };
}
function ipHashPick(req, view, tried, explain) {
  const { servers } = view;
  if (req.tries > MAX_HASH_TRIES) return { kind: "round-robin" };
  const total = totalWeight(servers);
  let hash2 = req.hash;
  for (; ; ) {
    const before = hash2;
    hash2 = ipHashMix(hash2, req.bytes);
    const slot = hash2 % total;
    const index = peerForSlot(servers, slot);
    const name = servers[index]?.name ?? String(index);
    const subject = req.bytes.length === 3 ? `${req.label}.x` : req.label;
    const mixed = before === IP_HASH_INIT ? `hash(${subject}) = ${hash2}` : `hash again = ${hash2}`;
    explain.push(explainLine("hash", `${mixed} \u2192 weight slot ${hash2} mod ${total} = ${slot} \u2192 ${name}`, index));
    const reason = skipReason(view, tried, index);
    if (reason === null) {
      req.hash = hash2;
      view.onSelected?.(index);
      return { kind: "picked", index };
    }
    explain.push(explainLine("skip", `${name} ${skipText(reason)} \u2192 hash again`, index));
    if (++req.tries > MAX_HASH_TRIES) return { kind: "round-robin" };
  }
}

// ../../../tmp/oldsim/src/sim/nginx/hash.ts
var encoder2 = new TextEncoder();
function createHashRequest(key) {
  const bytes = toBytes(key);
  const text = typeof key === "string" ? key : new TextDecoder().decode(key);
  return { key: bytes, text, sum: 0, rehash: 0, tries: 0 };
}
function hashSlice(key, rehash) {
  let reg = CRC32_INIT;
  if (rehash > 0) reg = crc32Update(reg, encoder2.encode(String(rehash)));
  reg = crc32Update(reg, key);
  return crc32Final(reg) >>> 16 & 32767;
}
function hashPick(req, view, tried, explain) {
  const { servers } = view;
  if (req.tries > MAX_HASH_TRIES) return { kind: "round-robin" };
  const total = totalWeight(servers);
  for (; ; ) {
    const hashed = req.rehash > 0 ? `${req.rehash}${req.text}` : req.text;
    const slice = hashSlice(req.key, req.rehash);
    req.sum = req.sum + slice >>> 0;
    req.rehash++;
    const slot = req.sum % total;
    const index = peerForSlot(servers, slot);
    const name = servers[index]?.name ?? String(index);
    const sum = req.rehash > 1 ? `, sum ${req.sum}` : "";
    explain.push(explainLine("hash", `crc32("${hashed}") \u2192 ${slice}${sum} \u2192 weight slot ${req.sum} mod ${total} = ${slot} \u2192 ${name}`, index));
    const reason = skipReason(view, tried, index);
    if (reason === null) {
      view.onSelected?.(index);
      return { kind: "picked", index };
    }
    explain.push(explainLine("skip", `${name} ${skipText(reason)} \u2192 rehash`, index));
    if (++req.tries > MAX_HASH_TRIES) return { kind: "round-robin" };
  }
}

// ../../../tmp/oldsim/src/sim/nginx/consistentHash.ts
var POINTS_PER_WEIGHT = 160;
var encoder3 = new TextEncoder();
function splitHostPort(server) {
  if (server.length >= 5 && server.slice(0, 5).toLowerCase() === "unix:") return { host: server.slice(5), port: "" };
  for (let j = server.length - 1; j >= 0; j--) {
    const c = server[j];
    if (c === ":") return { host: server.slice(0, j), port: server.slice(j + 1) };
    if (c < "0" || c > "9") break;
  }
  return { host: server, port: "" };
}
function buildRing(servers) {
  const points = [];
  for (const server of servers) {
    const { host, port } = splitHostPort(server.name);
    let base = crc32Update(CRC32_INIT, encoder3.encode(host));
    base = crc32Update(base, new Uint8Array([0]));
    base = crc32Update(base, encoder3.encode(port));
    const prev = new Uint8Array(4);
    let prevHash = 0;
    for (let j = 0; j < server.weight * POINTS_PER_WEIGHT; j++) {
      prev[0] = prevHash & 255;
      prev[1] = prevHash >>> 8 & 255;
      prev[2] = prevHash >>> 16 & 255;
      prev[3] = prevHash >>> 24 & 255;
      prevHash = crc32Final(crc32Update(base, prev));
      points.push({ hash: prevHash, name: server.name });
    }
  }
  points.sort((a, b) => a.hash - b.hash);
  const ring = { hashes: [], names: [] };
  for (const p of points) {
    if (ring.hashes.length > 0 && ring.hashes[ring.hashes.length - 1] === p.hash) continue;
    ring.hashes.push(p.hash);
    ring.names.push(p.name);
  }
  return ring;
}
var ringCache = /* @__PURE__ */ new WeakMap();
function ringFor(servers) {
  let ring = ringCache.get(servers);
  if (!ring) {
    ring = buildRing(servers);
    ringCache.set(servers, ring);
  }
  return ring;
}
function findPoint(ring, hash2) {
  let i = 0;
  let j = ring.hashes.length;
  while (i < j) {
    const k = i + j >>> 1;
    const h = ring.hashes[k];
    if (hash2 > h) i = k + 1;
    else if (hash2 < h) j = k;
    else return k;
  }
  return i;
}
function createChashRequest(ring, key) {
  const keyHash = crc32(key);
  const text = typeof key === "string" ? key : new TextDecoder().decode(key);
  return { text, keyHash, point: findPoint(ring, keyHash), tries: 0, started: false };
}
var hex2 = (n) => `0x${n.toString(16).padStart(8, "0")}`;
function chashPick(req, ring, view, tried, rr, explain) {
  const { servers } = view;
  if (req.tries > MAX_HASH_TRIES) return { kind: "round-robin" };
  const size = ring.hashes.length;
  if (!req.started) explain.push(explainLine("hash", `crc32("${req.text}") = ${hex2(req.keyHash)}`));
  for (let first = true; ; first = false) {
    const at2 = req.point % size;
    const name = ring.names[at2];
    const owners = [];
    servers.forEach((s, i) => {
      if (s.name === name) owners.push(i);
    });
    const where2 = !req.started ? "first ring point \u2265 it: " : first ? "" : "next point clockwise: ";
    req.started = true;
    explain.push(explainLine("ring", `${where2}point #${at2} of ${size} (${hex2(ring.hashes[at2])}) \u2192 ${name}`, owners[0] ?? null));
    let best = -1;
    let total = 0;
    for (const i of owners) {
      const server = servers[i];
      if (skipReason(view, tried, i) !== null) continue;
      const effective = rr.effective[i] ?? server.weight;
      rr.current[i] = (rr.current[i] ?? 0) + effective;
      total += effective;
      if (effective < server.weight) rr.effective[i] = effective + 1;
      if (best < 0 || (rr.current[i] ?? 0) > (rr.current[best] ?? 0)) best = i;
    }
    if (best >= 0) {
      rr.current[best] = (rr.current[best] ?? 0) - total;
      view.onSelected?.(best);
      return { kind: "picked", index: best };
    }
    for (const i of owners) {
      const reason = skipReason(view, tried, i);
      if (reason) explain.push(explainLine("skip", `${name} ${skipText(reason)}`, i));
    }
    req.point++;
    if (++req.tries > MAX_HASH_TRIES) return { kind: "round-robin" };
  }
}

// ../../../tmp/oldsim/src/sim/nginx/picker.ts
function createPicker(method, view, key, rr, ring) {
  const { servers } = view;
  const tried = /* @__PURE__ */ new Set();
  const maxAttempts = servers.filter((s) => !s.down).length;
  let attempts = 0;
  let last = null;
  const intro = [];
  let hashing = null;
  const single = servers.length < 2;
  const emptyKey = key.length === 0;
  if (method === "ip-hash") {
    const req = createIpHashRequest(key);
    const what = req.bytes.length === 16 ? "all 16 bytes of the IPv6 address" : "first 3 octets of the IPv4 address";
    intro.push(explainLine("key", `key bytes ${req.label} (${what})`));
    if (!single) hashing = (explain) => ipHashPick(req, view, tried, explain);
  } else if (method === "hash" || method === "hash-consistent") {
    if (emptyKey) intro.push(explainLine("key", "the key is empty \u2192 round robin"));
    if (!single && !emptyKey) {
      if (method === "hash") {
        const req = createHashRequest(key);
        hashing = (explain) => hashPick(req, view, tried, explain);
      } else {
        const theRing = ring ?? ringFor(servers);
        const req = createChashRequest(theRing, key);
        hashing = (explain) => chashPick(req, theRing, view, tried, rr, explain);
      }
    }
  }
  if (single && method !== "round-robin") intro.push(explainLine("key", "only one server \u2192 no hashing"));
  const finish2 = (explain, index, via, outcome) => {
    if (index !== null) {
      tried.add(index);
      attempts++;
      last = index;
      explain.push(explainLine("pick", `\u2192 ${servers[index]?.name ?? index}`, index));
    }
    return { index, via, outcome, explain };
  };
  return {
    next() {
      const explain = attempts === 0 ? [...intro] : [];
      if (last !== null) {
        explain.push(explainLine("retry", `${servers[last]?.name ?? last} failed \u2192 next choice for the same request`, last));
        if (attempts >= maxAttempts) {
          const n = maxAttempts === 1 ? "the only usable server was" : `all ${maxAttempts} usable servers were`;
          explain.push(explainLine("none", `${n} tried \u2192 502`));
          return finish2(explain, null, hashing ? "hash" : "round-robin", "tries-exhausted");
        }
      }
      if (hashing) {
        const result2 = hashing(explain);
        if (result2.kind === "picked") return finish2(explain, result2.index, "hash", "picked");
        explain.push(explainLine("fallback", `more than ${MAX_HASH_TRIES} unusable hash picks \u2192 round robin`));
      }
      const pick = roundRobinPick(rr, view, tried);
      explain.push(...pick.explain);
      if (pick.index === null) {
        explain.push(explainLine("none", "no live upstreams \u2192 502"));
        return finish2(explain, null, "round-robin", "no-live-upstreams");
      }
      return finish2(explain, pick.index, "round-robin", "picked");
    },
    get tried() {
      return tried;
    },
    get attempts() {
      return attempts;
    },
    maxAttempts
  };
}

// ../../../tmp/oldsim/src/sim/types/ids.ts
var SERVER_IDS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];

// ../../../tmp/oldsim/src/sim/types/config.ts
var POLICY_IDS = [
  "round-robin",
  "least-connections",
  "random",
  "cookie",
  "ip-hash",
  "hash",
  "hash-consistent",
  "header",
  "client-ip"
];
var STORAGE_KINDS = ["memory", "shared", "database", "jwt"];

// ../../../tmp/oldsim/src/sim/servers.ts
function serverAddress(index) {
  return `10.0.0.${11 + index}:3000`;
}
function makeServer(index, now, status) {
  return {
    v: 0,
    id: SERVER_IDS[index],
    address: serverAddress(index),
    weight: 1,
    status,
    statusSince: now,
    version: 1,
    healthy: status === "up",
    probeFails: 0,
    probeOks: 0,
    fails: 0,
    failedAt: -1,
    busy: 0,
    queue: [],
    memory: /* @__PURE__ */ new Map(),
    connections: 0,
    requests: 0,
    errors: 0,
    busyMsTotal: 0,
    busyChangedAt: now,
    drainDeadline: -1,
    latency: createHistogram()
  };
}
function serverIndex(id) {
  return id.charCodeAt(0) - 65;
}
function accepts(srv) {
  return srv.status === "up" || srv.status === "draining";
}
function settleBusy(srv, now) {
  srv.busyMsTotal += srv.busy * (now - srv.busyChangedAt);
  srv.busyChangedAt = now;
}
function busyMsAt(srv, now) {
  return srv.busyMsTotal + srv.busy * (now - srv.busyChangedAt);
}
function passivelyFailed(s, srv) {
  const { maxFails, failTimeoutMs } = s.config.passive;
  return maxFails > 0 && srv.fails >= maxFails && s.now - srv.failedAt <= failTimeoutMs;
}
function routable(s, srv, bound) {
  if (srv.status === "removed" || !srv.healthy || passivelyFailed(s, srv)) return false;
  if (srv.status === "draining") return bound;
  return true;
}
function liveSessionCount(s, srv) {
  let n = 0;
  for (const session of srv.memory.values()) if (isLive(session, s.now, s.config.sessionIdleMs)) n += 1;
  return n;
}

// ../../../tmp/oldsim/src/sim/policies/nginxUpstream.ts
var upstreams = /* @__PURE__ */ new Map();
function upstreamOf(s) {
  const live = s.servers.filter((srv) => srv.status !== "removed");
  const { maxFails, failTimeoutMs } = s.config.passive;
  const signature = `${maxFails}/${failTimeoutMs}|${live.map((srv) => `${srv.address}*${srv.weight}`).join(",")}`;
  let up = upstreams.get(signature);
  if (!up) {
    if (upstreams.size > 256) upstreams.clear();
    up = {
      servers: live.map((srv) => ({ name: srv.address, weight: srv.weight, down: false, maxFails, failTimeoutMs })),
      ids: live.map((srv) => srv.id)
    };
    upstreams.set(signature, up);
  }
  return up;
}
function lettered(text, s) {
  let out = text;
  for (const srv of s.servers) out = out.split(srv.address).join(srv.id);
  return out;
}
function nginxPick(ctx2, method, key, label) {
  const { s } = ctx2;
  const up = upstreamOf(s);
  const byId = new Map(s.servers.map((srv) => [srv.id, srv]));
  const isFailed2 = (i) => {
    const srv = byId.get(up.ids[i]);
    return ctx2.tried.includes(srv.id) || !srv.healthy || passivelyFailed(s, srv);
  };
  const lb = mutLb(s);
  const rr = {
    current: up.ids.map((id2) => lb.rrWeights[id2]?.current ?? 0),
    effective: up.ids.map((id2, i) => lb.rrWeights[id2]?.effective ?? up.servers[i].weight)
  };
  const choice = createPicker(method, { servers: up.servers, isFailed: isFailed2 }, key, rr).next();
  up.ids.forEach((id2, i) => {
    lb.rrWeights[id2] = { current: rr.current[i], effective: rr.effective[i] };
  });
  const explain = choice.explain.map((st) => lettered(st.text, s));
  if (choice.index === null) return { ...noServer(`${label} \u2192 no live upstreams \u2192 502`, 502), explain };
  const id = up.ids[choice.index];
  if (choice.via === "round-robin") return { server: id, decision: `${label} \u2192 round robin \u2192 ${id}`, explain };
  const skipped = choice.explain.find((st) => st.kind === "skip" && st.server !== null);
  const first = skipped?.server != null ? up.ids[skipped.server] : void 0;
  const decision = first ? `${label} \u2192 ${first} is unavailable \u2192 next choice ${id}` : `${label} \u2192 ${id}`;
  return { server: id, decision, explain };
}

// ../../../tmp/oldsim/src/sim/policies/hash.ts
var hash = {
  id: "hash",
  label: "Key hash (nginx hash)",
  sticky: true,
  describe: () => "nginx hash $cookie_uid: modulo over the servers; no cookie \u2192 round robin",
  route(ctx2) {
    const key = ctx2.user.jar.uid ?? "";
    return nginxPick(ctx2, "hash", key, key ? `hash(uid=${key})` : "no uid cookie");
  }
};

// ../../../tmp/oldsim/src/sim/policies/hashConsistent.ts
var hashConsistent = {
  id: "hash-consistent",
  label: "Consistent hash (nginx hash \u2026 consistent)",
  sticky: true,
  describe: () => "nginx hash $cookie_uid consistent: ketama ring, 160 points per server; no cookie \u2192 round robin",
  route(ctx2) {
    const key = ctx2.user.jar.uid ?? "";
    return nginxPick(ctx2, "hash-consistent", key, key ? `ring(uid=${key})` : "no uid cookie");
  }
};

// ../../../tmp/oldsim/src/sim/policies/header.ts
var header = {
  id: "header",
  label: "Header affinity",
  sticky: true,
  describe: (c) => `hash of the ${c.header.name} header (${c.header.source === "gateway" ? "injected by a trusted gateway" : "as sent by the client \u2014 forgeable"})`,
  route(ctx2) {
    const name = ctx2.s.config.header.name;
    const value = headerValue(ctx2.s, ctx2.user);
    return nginxPick(ctx2, "hash-consistent", value, value ? `${name}: ${value}` : `no ${name}`);
  }
};
function headerValue(s, user) {
  const identity = `user-${user.id}`;
  if (s.config.header.source === "gateway") return identity;
  return user.forgedHeader ?? identity;
}
function forgeValueFor(s, target) {
  const up = upstreamOf(s);
  const ring = ringFor(up.servers);
  for (let n = 0; n < 1e4; n++) {
    const value = `evil-${n}`;
    const choice = createPicker("hash-consistent", { servers: up.servers, isFailed: () => false }, value, { current: up.servers.map(() => 0), effective: up.servers.map((x) => x.weight) }, ring).next();
    if (choice.index !== null && up.ids[choice.index] === target) return value;
  }
  return "evil-0";
}

// ../../../tmp/oldsim/src/sim/policies/ipHash.ts
var ipHash = {
  id: "ip-hash",
  label: "IP hash (nginx ip_hash)",
  sticky: true,
  describe: () => "nginx ip_hash: first three octets of the client IPv4 address",
  route(ctx2) {
    const ip = ctx2.user.ip;
    const shown = ip.includes(":") ? ip : `${ip.split(".").slice(0, 3).join(".")}.x`;
    return nginxPick(ctx2, "ip-hash", ip, `ip_hash(${shown})`);
  }
};

// ../../../tmp/oldsim/src/sim/policies/leastConnections.ts
var leastConnections = {
  id: "least-connections",
  label: "Least connections",
  sticky: false,
  describe: () => "least connections: the server with the fewest requests in flight",
  route(ctx2) {
    const candidates = ctx2.candidates();
    if (candidates.length === 0) return noServer("no healthy server \u2192 503");
    let best = Infinity;
    for (const srv of candidates) best = Math.min(best, (srv.busy + srv.queue.length) / srv.weight);
    const tied = candidates.filter((srv) => (srv.busy + srv.queue.length) / srv.weight === best);
    const chosen = ctx2.roundRobin(tied) ?? tied[0];
    return { server: chosen.id, decision: `fewest in flight (${best}) \u2192 ${chosen.id}` };
  }
};

// ../../../tmp/oldsim/src/sim/policies/random.ts
var random = {
  id: "random",
  label: "Random",
  sticky: false,
  describe: () => "random: any healthy server, uniformly",
  route(ctx2) {
    const candidates = ctx2.candidates();
    if (candidates.length === 0) return noServer("no healthy server \u2192 503");
    const srv = candidates[Math.floor(ctx2.random() * candidates.length)];
    return { server: srv.id, decision: `random \u2192 ${srv.id}` };
  }
};

// ../../../tmp/oldsim/src/sim/policies/roundRobin.ts
var roundRobin = {
  id: "round-robin",
  label: "Round robin",
  sticky: false,
  describe: () => "round robin: each request to the next server in turn",
  route(ctx2) {
    const srv = ctx2.roundRobin();
    if (!srv) return noServer("no healthy server \u2192 503");
    return { server: srv.id, decision: `round robin \u2192 ${srv.id}` };
  }
};

// ../../../tmp/oldsim/src/sim/policies/registry.ts
var ROUTING_POLICIES = {
  "round-robin": roundRobin,
  "least-connections": leastConnections,
  random,
  cookie,
  "ip-hash": ipHash,
  hash,
  "hash-consistent": hashConsistent,
  header,
  "client-ip": clientIp
};
function policyById(id) {
  return ROUTING_POLICIES[id];
}

// ../../../tmp/oldsim/src/sim/schedule.ts
var KIND_CODE = { "request.forward": 0, "request.done": 16, "request.atClient": 32, "client.timeout": 48 };
var KINDS = ["request.forward", "request.done", "request.atClient", "client.timeout"];
function schedule(s, t, e) {
  const seq = s.seq++;
  s.events.set(seq, e);
  heapPush(s.heap, t, seq, -1, 0);
}
function scheduleRequest(s, t, kind, req, server = null) {
  heapPush(s.heap, t, s.seq++, req.id, req.user * 64 + KIND_CODE[kind] + (server === null ? 0 : serverIndex(server) + 1));
}
function requestEventKind(code) {
  return KINDS[code >> 4 & 3];
}
function requestEventUser(code) {
  return code >> 6;
}
function requestEventServer(code) {
  const slot = code & 15;
  return slot === 0 ? null : SERVER_IDS[slot - 1];
}
function takeEvent(s, seq) {
  const e = s.events.get(seq);
  if (e === void 0) throw new Error(`no queued event with seq ${seq}`);
  s.events.delete(seq);
  return e;
}

// ../../../tmp/oldsim/src/sim/lb.ts
var Ctx = class {
  s;
  user;
  tried;
  candidates() {
    const out = [];
    for (const srv of this.s.servers) if (routable(this.s, srv, false) && !this.tried.includes(srv.id)) out.push(srv);
    return out;
  }
  canUse(id, bound) {
    const srv = this.s.servers[serverIndex(id)];
    return srv !== void 0 && !this.tried.includes(id) && routable(this.s, srv, bound);
  }
  roundRobin(among) {
    return nextInRotation(this.s, among ?? this.candidates());
  }
  random() {
    return nextFloat(this.s.rng);
  }
};
var ctx = new Ctx();
function route(s, user, tried) {
  ctx.s = s;
  ctx.user = user;
  ctx.tried = tried;
  return policyById(s.config.policy).route(ctx);
}
function nextInRotation(s, among) {
  if (among.length === 0) return null;
  const last = s.lb.rrCursor;
  const next = among.find((srv) => serverIndex(srv.id) > last) ?? among[0];
  mutLb(s).rrCursor = serverIndex(next.id);
  return next;
}
function recordConnectFailure(s, server) {
  const srv = mutServer(s, serverIndex(server));
  srv.fails += 1;
  srv.failedAt = s.now;
  srv.errors += 1;
  const { maxFails, failTimeoutMs } = s.config.passive;
  if (maxFails > 0 && srv.fails === maxFails) {
    emit(s, "health", `LB: connection to ${server} refused \u2192 ${server} skipped for ${failTimeoutMs / 1e3} s`, { server });
  }
}
function recordSuccess2(s, server) {
  const srv = s.servers[serverIndex(server)];
  if (srv.fails !== 0) mutServer(s, serverIndex(server)).fails = 0;
}
function healthCheck(s) {
  const recovered = [];
  const { unhealthyThreshold, healthyThreshold, intervalMs } = s.config.health;
  for (let i = 0; i < s.servers.length; i++) {
    const current = s.servers[i];
    if (current.status === "removed") continue;
    const ok = current.status === "up" || current.status === "draining";
    if (ok && current.healthy && current.probeFails === 0) continue;
    if (!ok && !current.healthy && current.probeOks === 0) continue;
    const srv = mutServer(s, i);
    if (ok) {
      srv.probeFails = 0;
      srv.probeOks += 1;
      if (!srv.healthy && srv.probeOks >= healthyThreshold) {
        srv.healthy = true;
        srv.probeOks = 0;
        recovered.push(srv.id);
        emit(s, "health", `Health check: ${srv.id} passed ${healthyThreshold}\xD7 \u2192 healthy, back in rotation`, { server: srv.id });
      }
    } else {
      srv.probeOks = 0;
      srv.probeFails += 1;
      if (srv.healthy && srv.probeFails >= unhealthyThreshold) {
        srv.healthy = false;
        emit(s, "health", `Health check: ${srv.id} failed ${unhealthyThreshold}\xD7 \u2192 marked unhealthy, out of rotation`, { server: srv.id });
      }
    }
  }
  schedule(s, s.now + intervalMs, { kind: "lb.healthCheck" });
  return recovered;
}

// ../../../tmp/oldsim/src/sim/network.ts
var CLIENT_MS = 40;
var HOP_MS = 2;

// ../../../tmp/oldsim/src/sim/backend.ts
var NOBODY = [];
function onForward(s, userId, id) {
  const req = mutRequest(s, userId, id);
  if (!req) return;
  if (req.refused.length === 0) s.counters.requests += 1;
  const user = s.users[req.user];
  const tried = req.refused.length === 0 ? NOBODY : req.refused.map((h) => h.server);
  const result2 = route(s, user, tried);
  req.decision = tried.length === 0 ? result2.decision : `${req.decision} \u2715 \xB7 retry: ${result2.decision}`;
  if (result2.explain) req.explain = result2.explain;
  s.lastRouted = req.id;
  if (result2.server === null) {
    fail(s, req, result2.status ?? 503, "no server available", s.now);
    return;
  }
  if (policyById(s.config.policy).sticky && user.believesLoggedIn && user.lastServer !== null && user.lastServer !== result2.server) {
    s.counters.affinityRemaps += 1;
  }
  if (user.forgedHeader !== null && s.config.policy === "header") {
    s.counters.forgedRouted += 1;
    if (s.forgedValues[result2.server] === user.forgedHeader) s.counters.forgedOnTarget += 1;
  }
  req.server = result2.server;
  if (result2.affinity) req.affinity = result2.affinity;
  arrive(s, req, result2.server);
}
function arrive(s, req, server) {
  const idx = serverIndex(server);
  if (!accepts(s.servers[idx])) {
    recordConnectFailure(s, server);
    req.refused = [...req.refused, { server, at: s.now }];
    const configured = s.servers.filter((x) => x.status !== "removed").length;
    if (s.config.lbRetry && req.refused.length < configured) {
      s.counters.retried += 1;
      scheduleRequest(s, s.now + 2 * HOP_MS, "request.forward", req);
      return;
    }
    fail(s, req, 502, `${server} refused the connection \u2192 502`, s.now + HOP_MS);
    return;
  }
  req.serverAt = s.now;
  const srv = mutServer(s, idx);
  if (srv.busy < s.config.workers) startService(s, req, idx);
  else if (srv.queue.length < s.config.queueLimit) srv.queue.push(req.user);
  else {
    srv.errors += 1;
    fail(s, req, 503, `${server} queue full \u2192 503`, s.now + HOP_MS);
  }
}
function startService(s, req, idx) {
  const srv = mutServer(s, idx);
  settleBusy(srv, s.now);
  srv.busy += 1;
  req.startAt = s.now;
  const cost = serve(s, req, idx);
  scheduleRequest(s, s.now + cost, "request.done", req, srv.id);
}
function onDone(s, userId, id, server) {
  const req = mutRequest(s, userId, id);
  if (!req || req.doneAt !== -1 || req.server !== server) return;
  const idx = serverIndex(server);
  const srv = mutServer(s, idx);
  settleBusy(srv, s.now);
  srv.busy -= 1;
  srv.requests += 1;
  const lbBackAt = s.now + HOP_MS;
  record(s.latency, lbBackAt - req.lbAt);
  record(srv.latency, lbBackAt - req.lbAt);
  recordSuccess2(s, server);
  req.doneAt = s.now;
  req.lbBackAt = lbBackAt;
  const waiting = srv.queue.shift();
  if (waiting !== void 0) {
    const next = s.inflight[waiting];
    if (next) startService(s, mutRequest(s, waiting, next.id), idx);
  }
  respond(s, req);
}
function fail(s, req, status, detail, lbBackAt) {
  req.outcome = "error";
  req.status = status;
  req.detail = req.detail ? `${req.detail} \xB7 ${detail}` : detail;
  if (req.doneAt === -1) req.doneAt = s.now;
  req.lbBackAt = lbBackAt;
  respond(s, req);
}
function respond(s, req) {
  if (req.outcome !== "error" && s.config.responseLossRate > 0 && nextFloat(s.rng) < s.config.responseLossRate) {
    req.outcome = "lost";
    scheduleRequest(s, Math.max(req.sentAt + s.config.clientTimeoutMs, req.lbBackAt), "client.timeout", req);
    return;
  }
  scheduleRequest(s, req.lbBackAt + CLIENT_MS, "request.atClient", req);
}
function failRequestsOn(s, server, why) {
  const dying = s.inflight.filter((r) => r != null && r.server === server && r.doneAt === -1 && r.serverAt >= 0);
  dying.sort((a, b) => a.id - b.id);
  for (const r of dying) fail(s, mutRequest(s, r.user, r.id), 502, `${why} \u2192 502`, s.now + HOP_MS);
}

// ../../../tmp/oldsim/src/sim/browserRules.ts
function idleExpired(now, lastActive, sessionIdleMs) {
  return now - lastActive >= sessionIdleMs;
}
function tokenExpired(token, now) {
  return token === null || token.exp <= now;
}
function isUnexpectedLogout(believesLoggedIn, tokenExpired2, idleExpired2) {
  return believesLoggedIn && !tokenExpired2 && !idleExpired2;
}
function isLostCart(outcome, unexpectedLogout, believedCart) {
  return outcome === "cartMissing" || unexpectedLogout && believedCart > 0;
}
function isFailure(outcome) {
  return outcome === "error" || outcome === "lost";
}
function shouldRetry(outcome, retrying, active) {
  return (outcome === "error" || outcome === "lost" || outcome === null) && !retrying && active;
}

// ../../../tmp/oldsim/src/sim/users.ts
var NAMES = [
  "Ana",
  "Bea",
  "Chen",
  "Dev",
  "Eli",
  "Fatima",
  "Gus",
  "Hana",
  "Ivan",
  "Jade",
  "Kofi",
  "Lena",
  "Mo",
  "Nia",
  "Omar",
  "Pia",
  "Quinn",
  "Ravi",
  "Sara",
  "Tom",
  "Uma",
  "Vik",
  "Wen",
  "Xavi",
  "Yara",
  "Zoe",
  "Aiko",
  "Bruno",
  "Carla",
  "Dara",
  "Emil",
  "Femi",
  "Gia",
  "Hugo",
  "Ines",
  "Jon",
  "Kai",
  "Lila",
  "Malik",
  "Noor",
  "Otto",
  "Priya",
  "Rosa",
  "Sami",
  "Tariq",
  "Una",
  "Vera",
  "Will",
  "Ximena",
  "Yusuf",
  "Zara",
  "Amir",
  "Bo",
  "Cleo",
  "Dina",
  "Ezra",
  "Flo",
  "Gael",
  "Hiro",
  "Isla"
];
var USER_COLORS = 8;
function userName(id) {
  const base = NAMES[id % NAMES.length];
  const round = Math.floor(id / NAMES.length);
  if (round === 0) return { name: base, initials: base.slice(0, 2) };
  return { name: `${base} ${round + 1}`, initials: `${base[0]}${round + 1}` };
}
function publicIp(seed, id) {
  const rng = createRng(seed, 5e4 + id);
  const firstOctets = [23, 31, 45, 62, 77, 81, 88, 94, 109, 128, 141, 151, 176, 185, 193, 203, 212, 217];
  const a = firstOctets[nextInt(rng, firstOctets.length)];
  return `${a}.${1 + nextInt(rng, 254)}.${nextInt(rng, 256)}.${1 + nextInt(rng, 254)}`;
}
function freshIp(seed, id, change) {
  return publicIp(seed + 7919 * (change + 1), id);
}
function makeUser(seed, id, opts) {
  const { name, initials } = userName(id);
  let ip = publicIp(seed, id);
  if (opts.nat) ip = opts.nat.spec.subnet ? subnetAddress(opts.nat.spec.ip, opts.nat.index) : opts.nat.spec.ip;
  return {
    v: 0,
    id,
    name,
    initials,
    color: id % USER_COLORS,
    ip,
    natGroup: opts.nat ? opts.nat.group : null,
    heavy: opts.heavy ?? false,
    forgedHeader: null,
    jar: { affinity: null, uid: null, sid: null, jwt: null },
    rng: createRng(seed, id + 1),
    active: false,
    left: false,
    believesLoggedIn: false,
    believedCart: 0,
    lastActive: 0,
    next: "landing",
    browseLeft: 0,
    addsLeft: 0,
    retrying: false,
    checkoutIntent: 0,
    committedIntent: -1,
    lastServer: null,
    wsServer: null,
    logouts: 0,
    cartsLost: 0,
    orders: 0,
    lastLogoutAt: -1,
    lastCartLostAt: -1
  };
}
function subnetAddress(ip, index) {
  const parts = ip.split(".");
  return `${parts[0]}.${parts[1]}.${parts[2]}.${1 + index % 254}`;
}
function thinkTime(u, config, longBreak) {
  if (longBreak) return exponential(u.rng, config.breakMs, 2e4, config.breakMs * 4);
  const mean = config.thinkMs / Math.max(0.05, config.rate) / (u.heavy ? config.heavyRateFactor : 1);
  return exponential(u.rng, mean, Math.min(150, mean), mean * 6);
}
function advanceJourney(u, done, config) {
  switch (done) {
    case "landing":
      u.next = "login";
      return false;
    case "login":
      startShoppingRound(u);
      return false;
    case "browse":
    case "addToCart":
      u.next = nextShoppingRequest(u);
      return false;
    case "checkout":
      startShoppingRound(u);
      return !u.heavy && nextFloat(u.rng) < config.breakChance;
  }
}
function startShoppingRound(u) {
  u.browseLeft = between(u.rng, 1, 3);
  u.addsLeft = between(u.rng, 1, 3);
  u.next = nextShoppingRequest(u);
}
function nextShoppingRequest(u) {
  if (u.browseLeft > 0) {
    u.browseLeft -= 1;
    return "browse";
  }
  if (u.addsLeft > 0) {
    u.addsLeft -= 1;
    return "addToCart";
  }
  return "checkout";
}

// ../../../tmp/oldsim/src/sim/websockets.ts
var BURST_WINDOW_MS = 1e3;
var RETRY_MS = 1e3;
function openSocket(s, user, server) {
  if (user.wsServer === server) return;
  if (user.wsServer) mutServer(s, serverIndex(user.wsServer)).connections -= 1;
  user.wsServer = server;
  mutServer(s, serverIndex(server)).connections += 1;
}
function onReconnect(s, id) {
  const result2 = route(s, s.users[id], []);
  const srv = result2.server ? s.servers[serverIndex(result2.server)] : void 0;
  if (!srv || !accepts(srv)) {
    schedule(s, s.now + RETRY_MS, { kind: "ws.reconnect", user: id });
    return;
  }
  reconnect(s, id, srv.id);
}
function reconnect(s, id, server) {
  const user = mutUser(s, id);
  openSocket(s, user, server);
  s.counters.reconnects += 1;
  const w = s.reconnectWindow;
  if (s.now - w.start >= BURST_WINDOW_MS) {
    w.start = s.now;
    w.count = 0;
  }
  w.count += 1;
  s.counters.maxReconnectBurst = Math.max(s.counters.maxReconnectBurst, w.count);
  emit(s, "ws", `${user.name}'s WebSocket reconnected to ${server}`, { user: id, server });
}
function dropSockets(s, server) {
  let dropped = 0;
  for (const u of s.users) {
    if (u.wsServer !== server) continue;
    const user = mutUser(s, u.id);
    user.wsServer = null;
    dropped += 1;
    const jitter = Math.floor((user.rng.next() >>> 0) % 1e3);
    schedule(s, s.now + jitter, { kind: "ws.reconnect", user: user.id });
  }
  if (dropped > 0) mutServer(s, serverIndex(server)).connections = 0;
  return dropped;
}

// ../../../tmp/oldsim/src/sim/browser.ts
var RECENT_LIMIT = 200;
var NO_EXPLAIN = [];
var NO_HOPS = [];
function sendRequest(s, user, kind, sendAt, attempt) {
  const id = s.nextRequestId++;
  const req = {
    v: s.gen,
    id,
    user: user.id,
    kind,
    attempt,
    sentAt: sendAt,
    lbAt: sendAt + CLIENT_MS,
    refused: NO_HOPS,
    server: null,
    serverAt: -1,
    startAt: -1,
    doneAt: -1,
    lbBackAt: -1,
    receivedAt: -1,
    outcome: null,
    status: 0,
    decision: "",
    explain: NO_EXPLAIN,
    detail: "",
    affinity: null,
    intent: user.checkoutIntent,
    sets: null,
    seq: -1,
    item: -1
  };
  s.inflight[user.id] = req;
  scheduleRequest(s, req.lbAt + HOP_MS, "request.forward", req);
}
function onAtClient(s, userId, id) {
  const req = mutRequest(s, userId, id);
  if (!req) return;
  req.receivedAt = s.now;
  finish(s, req);
  receiveResponse(s, req);
}
function onClientTimeout(s, userId, id) {
  const req = mutRequest(s, userId, id);
  if (!req) return;
  req.receivedAt = s.now;
  req.detail = `${req.detail} \xB7 response lost, browser timed out`;
  finish(s, req);
  receiveResponse(s, req);
}
function finish(s, req) {
  req.seq = s.traceSeq++;
  req.item = s.itemCount;
  s.inflight[req.user] = null;
  s.recent.push(req);
  if (s.recent.length > RECENT_LIMIT * 2) s.recent.splice(0, s.recent.length - RECENT_LIMIT);
}
function receiveResponse(s, req) {
  const user = mutUser(s, req.user);
  applyCookies(s, user, req);
  if (isFailure(req.outcome)) s.counters.failed += 1;
  else s.counters.ok += 1;
  let longBreak = false;
  switch (req.outcome) {
    case "ok":
      longBreak = onSuccess(s, user, req);
      break;
    case "notLoggedIn":
      onLoginPage(s, user, req);
      break;
    case "cartMissing":
      onCartMissing(s, user, req);
      break;
    case "revoked":
      user.believesLoggedIn = false;
      user.jar.jwt = null;
      user.next = "login";
      user.retrying = false;
      break;
    case "error":
    case "lost":
    case null:
      if (shouldRetry(req.outcome, user.retrying, user.active)) {
        user.retrying = true;
        s.counters.retried += 1;
        sendRequest(s, user, req.kind, s.now + s.config.clientRetryDelayMs, req.attempt + 1);
        return;
      }
      user.retrying = false;
      break;
  }
  if (!user.active) return;
  sendRequest(s, user, user.next, s.now + thinkTime(user, s.config, longBreak), 1);
}
function applyCookies(s, user, req) {
  const jar = user.jar;
  if (req.sets) {
    if (req.sets.uid !== void 0) jar.uid = req.sets.uid;
    if (req.sets.sid !== void 0) jar.sid = req.sets.sid;
    if (req.sets.jwt !== void 0) jar.jwt = req.sets.jwt;
  }
  const a = req.affinity;
  if (a && req.outcome !== "error") {
    const { ttlMs, mode } = s.config.cookie;
    const current = jar.affinity;
    if (current === null || current.server !== a.server) jar.affinity = { server: a.server, expiresAt: s.now + ttlMs };
    else if (mode === "sliding" || a.issued) current.expiresAt = s.now + ttlMs;
  }
}
function onSuccess(s, user, req) {
  user.retrying = false;
  user.lastServer = req.server;
  user.lastActive = s.now;
  if (req.kind === "login") {
    user.believesLoggedIn = true;
    if (s.config.websockets && req.server) openSocket(s, user, req.server);
  }
  if (req.kind === "addToCart") user.believedCart += 1;
  if (req.kind === "checkout") {
    user.believedCart = 0;
    user.checkoutIntent += 1;
  }
  return advanceJourney(user, req.kind, s.config);
}
function onLoginPage(s, user, req) {
  user.retrying = false;
  const tokenGone = s.config.storage === "jwt" && tokenExpired(user.jar.jwt, s.now);
  const idle = idleExpired(s.now, user.lastActive, s.config.sessionIdleMs);
  if (isUnexpectedLogout(user.believesLoggedIn, tokenGone, idle)) {
    s.counters.unexpectedLogouts += 1;
    user.logouts += 1;
    user.lastLogoutAt = s.now;
    const where2 = user.lastServer && user.lastServer !== req.server ? `the session was on ${user.lastServer}, but ${req.server} answered` : `${req.server} no longer has the session`;
    emit(s, "logout", `${user.name} was logged out unexpectedly: ${where2}`, { user: user.id, ...req.server ? { server: req.server } : {}, request: req.id });
    if (isLostCart("notLoggedIn", true, user.believedCart)) loseCart(s, user, req);
  } else if (user.believesLoggedIn) {
    s.counters.sessionsExpired += 1;
  }
  user.believesLoggedIn = false;
  user.believedCart = 0;
  user.lastServer = req.server;
  user.jar.sid = null;
  user.jar.jwt = null;
  user.next = "login";
}
function onCartMissing(s, user, req) {
  user.retrying = false;
  user.lastActive = s.now;
  if (isLostCart("cartMissing", false, user.believedCart)) loseCart(s, user, req);
  user.lastServer = req.server;
  if (req.kind === "addToCart") {
    user.believedCart = 1;
    advanceJourney(user, "addToCart", s.config);
  } else {
    user.believedCart = 0;
    advanceJourney(user, "login", s.config);
  }
}
function loseCart(s, user, req) {
  const items = user.believedCart;
  s.counters.cartsLost += 1;
  user.cartsLost += 1;
  user.lastCartLostAt = s.now;
  user.believedCart = 0;
  emit(s, "cartLost", `${user.name}'s cart of ${items} item${items === 1 ? "" : "s"} is gone (${req.server ?? "no server"} answered)`, { user: user.id, request: req.id });
}

// ../../../tmp/oldsim/src/sim/lifecycle.ts
var DRAIN_CHECK_MS = 1e3;
function killProcess(s, id, why) {
  const idx = serverIndex(id);
  const srv = mutServer(s, idx);
  const lost = liveSessionCount(s, srv);
  s.counters.sessionsLost += lost;
  if (s.deploy) s.deploy.sessionsLost += lost;
  srv.memory.clear();
  settleBusy(srv, s.now);
  srv.busy = 0;
  srv.queue = [];
  failRequestsOn(s, id, why);
  const dropped = dropSockets(s, id);
  if (dropped > 0) emit(s, "ws", `${dropped} WebSocket connection${dropped === 1 ? "" : "s"} on ${id} dropped \u2192 all reconnect at once`, { server: id });
  return lost;
}
function crashServer(s, id) {
  const srv = s.servers[serverIndex(id)];
  if (!srv || srv.status === "crashed" || srv.status === "removed") return;
  const lost = killProcess(s, id, `${id} crashed`);
  const owned = mutServer(s, serverIndex(id));
  owned.status = "crashed";
  owned.statusSince = s.now;
  emit(s, "server", `Server ${id} crashed: ${lost} session${lost === 1 ? "" : "s"} in its memory vanished`, { server: id });
}
function restartServer(s, id) {
  const srv = s.servers[serverIndex(id)];
  if (!srv || srv.status === "removed" || srv.status === "starting") return;
  if (srv.status !== "crashed") killProcess(s, id, `${id} restarted`);
  boot(s, id, "restarting");
}
function boot(s, id, verb) {
  const srv = mutServer(s, serverIndex(id));
  srv.status = "starting";
  srv.statusSince = s.now;
  srv.version += 1;
  srv.healthy = false;
  srv.probeOks = 0;
  srv.probeFails = 0;
  srv.fails = 0;
  schedule(s, s.now + s.config.startupMs, { kind: "server.started", server: id, version: srv.version });
  emit(s, "server", `Server ${id} ${verb} (boots in ${formatDuration(s.config.startupMs)}, then must pass health checks)`, { server: id });
}
function onServerStarted(s, id, version) {
  const srv = s.servers[serverIndex(id)];
  if (!srv || srv.status !== "starting" || srv.version !== version) return;
  const owned = mutServer(s, serverIndex(id));
  owned.status = "up";
  owned.statusSince = s.now;
  emit(s, "server", `Server ${id} is up, waiting for health checks`, { server: id });
}
function addServer(s) {
  const slot = s.servers.findIndex((srv) => srv.status === "removed");
  const idx = slot >= 0 ? slot : s.servers.length;
  if (idx >= SERVER_IDS.length) return null;
  const fresh = makeServer(idx, s.now, "starting");
  if (slot >= 0) s.servers[idx] = { ...fresh, v: s.gen, version: s.servers[idx].version };
  else s.servers.push({ ...fresh, v: s.gen });
  boot(s, fresh.id, "added");
  return fresh.id;
}
function removeServer(s, id, mode) {
  const srv = s.servers[serverIndex(id)];
  if (!srv || srv.status === "removed" || srv.status === "draining") return;
  if (mode === "kill" || srv.status === "crashed" || srv.status === "starting") {
    finishRemoval(s, id, "removed at once");
    return;
  }
  const owned = mutServer(s, serverIndex(id));
  owned.status = "draining";
  owned.statusSince = s.now;
  owned.drainDeadline = s.now + s.config.drainTimeoutMs;
  emit(s, "server", `Server ${id} draining: no new users; pinned users may finish (timeout ${formatDuration(s.config.drainTimeoutMs)})`, { server: id });
  schedule(s, s.now + DRAIN_CHECK_MS, { kind: "server.drainCheck", server: id, version: owned.version });
}
function onDrainCheck(s, id, version) {
  const srv = s.servers[serverIndex(id)];
  if (!srv || srv.status !== "draining" || srv.version !== version) return;
  const idle = srv.busy === 0 && srv.queue.length === 0 && liveSessionCount(s, srv) === 0;
  if (idle) finishRemoval(s, id, `drained after ${formatDuration(s.now - srv.statusSince)}`);
  else if (s.now >= srv.drainDeadline) finishRemoval(s, id, `drain timed out after ${formatDuration(s.now - srv.statusSince)}`);
  else schedule(s, s.now + DRAIN_CHECK_MS, { kind: "server.drainCheck", server: id, version });
}
function finishRemoval(s, id, how) {
  const lost = killProcess(s, id, `${id} removed`);
  const deploying = s.deploy !== null && s.deploy.current === id;
  const srv = mutServer(s, serverIndex(id));
  srv.statusSince = s.now;
  srv.drainDeadline = -1;
  if (deploying) {
    emit(s, "deploy", `Deploy: ${id} ${how}, ${lost} session${lost === 1 ? "" : "s"} lost; starting the new version`, { server: id });
    boot(s, id, "replaced by the new version");
    return;
  }
  srv.status = "removed";
  srv.healthy = false;
  emit(s, "server", `Server ${id} ${how}: ${lost} session${lost === 1 ? "" : "s"} lost`, { server: id });
}
function startRollingDeploy(s, mode) {
  if (s.deploy && s.deploy.finishedAt === null) return;
  const queue = s.servers.filter((srv) => srv.status === "up" || srv.status === "crashed").map((srv) => srv.id);
  s.deploy = { mode, queue, current: null, startedAt: s.now, finishedAt: null, sessionsLost: 0 };
  emit(s, "deploy", `Rolling deploy started (${mode === "drain" ? "drain" : "kill"} each server in turn): ${queue.join(", ")}`);
  deployNext(s);
}
function deployNext(s) {
  const d = s.deploy;
  if (!d || d.finishedAt !== null) return;
  const next = d.queue.shift();
  if (next === void 0) {
    d.current = null;
    d.finishedAt = s.now;
    emit(s, "deploy", `Rolling deploy finished in ${formatDuration(s.now - d.startedAt)}: ${d.sessionsLost} session${d.sessionsLost === 1 ? "" : "s"} lost`);
    return;
  }
  d.current = next;
  const srv = s.servers[serverIndex(next)];
  if (srv.status === "crashed") {
    finishRemoval(s, next, "replaced");
    return;
  }
  if (d.mode === "kill") finishRemoval(s, next, "killed");
  else {
    removeServer(s, next, "drain");
    const owned = mutServer(s, serverIndex(next));
    emit(s, "deploy", `Deploy: draining ${next} (${owned.memory.size} session${owned.memory.size === 1 ? "" : "s"} in memory)`, { server: next });
  }
}
function storeOutage(s, which) {
  if (!s[which].up) return;
  const st = mutStore(s, which);
  st.up = false;
  st.since = s.now;
  emit(s, "store", `${which === "sessionStore" ? "Shared store" : "Database"} is DOWN: every request that needs a session fails`);
}
function storeRecovery(s, which) {
  if (s[which].up) return;
  const st = mutStore(s, which);
  st.up = true;
  st.since = s.now;
  if (!st.persistent) {
    let lost = 0;
    for (const session of st.sessions.values()) if (isLive(session, s.now, s.config.sessionIdleMs)) lost += 1;
    st.sessions.clear();
    s.counters.sessionsLost += lost;
    emit(s, "store", `${which === "sessionStore" ? "Shared store" : "Database"} is back, but it was not persistent: ${lost} session${lost === 1 ? "" : "s"} lost`);
    return;
  }
  emit(s, "store", `${which === "sessionStore" ? "Shared store" : "Database"} is back with every session intact (persistent)`);
}

// ../../../tmp/oldsim/src/sim/interventions/fleet.ts
var crashServer2 = {
  kind: "crashServer",
  apply: (s, iv) => crashServer(s, iv.server),
  label: (iv) => `crash ${iv.server}`,
  button: (iv) => ({ text: `Crash ${iv.server}` }),
  schema: (_, f) => f.kind("crashServer", { server: f.server })
};
var restartServer2 = {
  kind: "restartServer",
  apply: (s, iv) => restartServer(s, iv.server),
  label: (iv) => `restart ${iv.server}`,
  button: (iv) => ({ text: `Restart ${iv.server}` }),
  schema: (_, f) => f.kind("restartServer", { server: f.server })
};
var addServer2 = {
  kind: "addServer",
  apply: (s) => void addServer(s),
  label: () => "add a server",
  button: () => ({ text: "+ Add server" }),
  schema: (_, f) => f.kind("addServer", {})
};
var removeServer2 = {
  kind: "removeServer",
  apply: (s, iv) => removeServer(s, iv.server, iv.mode),
  label: (iv) => `${iv.mode === "drain" ? "drain" : "kill"} ${iv.server}`,
  schema: (_, f) => f.kind("removeServer", { server: f.server, mode: f.drainOrKill })
};
var rollingDeploy = {
  kind: "rollingDeploy",
  apply: (s, iv) => startRollingDeploy(s, iv.mode),
  label: (iv) => `rolling deploy (${iv.mode})`,
  button: (iv) => ({ text: "Rolling deploy", title: `Replace every server in turn, ${iv.mode === "drain" ? "draining each first" : "killing each at once"}` }),
  schema: (_, f) => f.kind("rollingDeploy", { mode: f.drainOrKill })
};

// ../../../tmp/oldsim/src/sim/interventions/headerAffinity.ts
var forgeHeader = {
  kind: "forgeHeader",
  apply(s, iv) {
    const u = s.users[iv.user];
    if (!u) return;
    const value = forgeValueFor(s, iv.target);
    s.forgedValues = { ...s.forgedValues, [iv.target]: value };
    mutUser(s, iv.user).forgedHeader = value;
    emit(s, "security", `${u.name} forges ${s.config.header.name}: ${value} (that value hashes to ${iv.target})`, { user: u.id, server: iv.target });
  },
  label: (iv) => `forged header \u2192 ${iv.target}`,
  button: () => ({ text: "Forge header" }),
  schema: (_, f) => f.kind("forgeHeader", { user: f.user, target: f.server })
};
var setHeaderSource = {
  kind: "setHeaderSource",
  apply(s, iv) {
    s.config = { ...s.config, header: { ...s.config.header, source: iv.source } };
    emit(s, "config", iv.source === "gateway" ? `${s.config.header.name} is now set by the gateway: client values are overwritten` : `${s.config.header.name} is now taken from the client as sent`);
  },
  label: (iv) => `header from ${iv.source}`,
  schema: (z, f) => f.kind("setHeaderSource", { source: z.enum(["gateway", "client"]) })
};

// ../../../tmp/oldsim/src/sim/interventions/population.ts
var setUsers = {
  kind: "setUsers",
  apply: (s, iv) => setUserCount(s, iv.count),
  label: (iv) => `${iv.count} users`,
  schema: (_, f) => f.kind("setUsers", { count: f.int(1, MAX_USERS) })
};
var setRate = {
  kind: "setRate",
  apply(s, iv) {
    s.config = { ...s.config, rate: Math.max(0.1, Math.min(10, iv.rate)) };
    emit(s, "config", `Traffic rate \u2192 ${s.config.rate}\xD7`);
  },
  label: (iv) => `traffic \xD7${iv.rate}`,
  schema: (_, f) => f.kind("setRate", { rate: f.num(0.1, 10) })
};
var addNatGroup = {
  kind: "addNatGroup",
  apply(s, iv) {
    const ip = iv.ip ?? natAddress(s);
    const sentence = iv.subnet ? `${iv.size} users arrived from one /24 (${ip.split(".").slice(0, 3).join(".")}.x)` : `${iv.size} users arrived behind one NAT address ${ip}`;
    addUsers(s, iv.size, { nat: { ip, subnet: iv.subnet ?? false } }, sentence);
  },
  label: (iv) => `NAT group of ${iv.size}`,
  button: (iv) => iv.subnet ? { text: `+ ${iv.size} users from one /24`, title: `${iv.size} new users with neighbouring addresses in one /24 subnet` } : { text: `+ NAT group (${iv.size} users, 1 IP)`, title: `${iv.size} new users share one public IP (a mobile carrier's CGNAT)` },
  schema: (z, f) => f.kind("addNatGroup", { size: f.int(1, MAX_USERS), ip: f.opt(f.ipv4), subnet: f.opt(z.boolean()) })
};
var addHeavyUsers = {
  kind: "addHeavyUsers",
  apply: (s, iv) => addUsers(s, iv.count, { heavy: true }, `${iv.count} heavy user${iv.count === 1 ? "" : "s"} arrived`),
  label: (iv) => `${iv.count} heavy users`,
  button: (iv) => ({
    text: `+ ${iv.count} heavy users`,
    title: `${iv.count} power users: ${DEFAULT_CONFIG.heavyRateFactor}\xD7 the requests, ${DEFAULT_CONFIG.heavyCostFactor}\xD7 the cost`
  }),
  schema: (_, f) => f.kind("addHeavyUsers", { count: f.int(1, MAX_USERS) })
};
var changeUserIp = {
  kind: "changeUserIp",
  apply(s, iv) {
    if (!s.users[iv.user]) return;
    const user = mutUser(s, iv.user);
    const before = user.ip;
    user.ip = freshIp(s.seed, user.id, s.itemCount);
    user.natGroup = null;
    emit(s, "config", `${user.name}'s IP changed ${before} \u2192 ${user.ip} (switched from Wi-Fi to mobile data)`, { user: user.id });
  },
  label: (iv) => `user ${iv.user + 1} changes IP`,
  button: () => ({ text: "Change IP" }),
  schema: (_, f) => f.kind("changeUserIp", { user: f.user })
};
function presentUsers(s) {
  return s.users.filter((u) => !u.left).length;
}
function natAddress(s) {
  const groups = new Set(s.users.map((u) => u.natGroup).filter((g) => g !== null)).size;
  return `100.64.${10 + groups}.7`;
}
function addUsers(s, count, opts, sentence) {
  const room = MAX_USERS - s.users.length;
  const n = clampInt(count, 0, room);
  if (n === 0) {
    emit(s, "config", `No room for more users (the lab holds ${MAX_USERS})`);
    return;
  }
  const group = opts.nat ? new Set(s.users.map((u) => u.natGroup).filter((g) => g !== null)).size : 0;
  for (let i = 0; i < n; i++) {
    const id = s.users.length;
    const nat = opts.nat ? { group, spec: { size: n, ip: opts.nat.ip, subnet: opts.nat.subnet }, index: i } : void 0;
    const user = { ...makeUser(s.seed, id, { ...opts.heavy ? { heavy: true } : {}, ...nat ? { nat } : {} }), v: s.gen };
    s.users.push(user);
    schedule(s, s.now + Math.floor(i * 1e3 / n), { kind: "user.arrive", user: id });
  }
  emit(s, "config", sentence);
}
function setUserCount(s, count) {
  const target = clampInt(count, 1, MAX_USERS);
  const present = presentUsers(s);
  if (target === present) return;
  if (target > present) {
    let back = 0;
    for (let i = 0; i < s.users.length && present + back < target; i++) {
      if (!s.users[i].left) continue;
      const user = mutUser(s, i);
      user.left = false;
      back += 1;
      if (!s.inflight[i]) schedule(s, s.now + Math.floor(back * 1e3 / (target - present)), { kind: "user.arrive", user: i });
      else user.active = true;
    }
    const more = target - present - back;
    if (more > 0) addUsers(s, more, {}, `${more} users arrived`);
    else emit(s, "config", `${back} user${back === 1 ? "" : "s"} came back (${target} present)`);
    return;
  }
  let leaving = 0;
  for (let i = s.users.length - 1; i >= 0 && present - leaving > target; i--) {
    if (s.users[i].left) continue;
    const user = mutUser(s, i);
    user.left = true;
    user.active = false;
    const req = s.inflight[i];
    if (req && req.sentAt > s.now) s.inflight[i] = null;
    leaving += 1;
  }
  emit(s, "config", `${leaving} user${leaving === 1 ? "" : "s"} left (${target} remain)`);
}

// ../../../tmp/oldsim/src/sim/interventions/sessionStore.ts
function storeName2(s) {
  return storeInUse(s) === s.database ? "database" : "sessionStore";
}
var storeDown = {
  kind: "storeDown",
  apply: (s) => storeOutage(s, storeName2(s)),
  label: () => "store outage",
  button: () => ({ text: "Store outage" }),
  schema: (_, f) => f.kind("storeDown", {})
};
var storeUp = {
  kind: "storeUp",
  apply: (s) => storeRecovery(s, storeName2(s)),
  label: () => "store back",
  button: () => ({ text: "Bring store back" }),
  schema: (_, f) => f.kind("storeUp", {})
};
var setStorePersistence = {
  kind: "setStorePersistence",
  apply(s, iv) {
    s.config = { ...s.config, store: { persistent: iv.persistent } };
    mutStore(s, "sessionStore").persistent = iv.persistent;
    emit(s, "config", iv.persistent ? "Shared store persists to disk" : "Shared store keeps sessions in memory only");
  },
  label: (iv) => `store ${iv.persistent ? "persistent" : "in-memory"}`,
  schema: (z, f) => f.kind("setStorePersistence", { persistent: z.boolean() })
};

// ../../../tmp/oldsim/src/sim/sessionMigration.ts
function migrateSessions(s, from, to) {
  let moved = 0;
  for (const u of s.users) {
    if (!u.believesLoggedIn) continue;
    const found = findState(s, from, u.id);
    if (!found) continue;
    const serverIdx = u.lastServer ? s.servers.findIndex((x) => x.id === u.lastServer) : 0;
    const home = sessionHome(s, to, Math.max(0, serverIdx));
    const user = mutUser(s, u.id);
    if (to === "jwt") {
      const jti = `t${s.nextSid++}`;
      user.jar = { ...user.jar, jwt: { jti, exp: s.now + s.config.jwt.ttlMs }, sid: null };
      const key = cartKey(u.id);
      putSession(s, home, key, { v: s.gen, sid: key, user: u.id, cart: found.cart, createdAt: s.now, lastSeen: s.now });
    } else {
      const sid = from === "jwt" ? `s${s.nextSid++}` : found.sid;
      user.jar = { ...user.jar, sid, jwt: null };
      putSession(s, home, sid, { ...found, v: s.gen, sid, lastSeen: s.now });
    }
    moved += 1;
  }
  return `${moved} live session${moved === 1 ? "" : "s"} copied over`;
}
function findState(s, storage, user) {
  const u = s.users[user];
  if (storage === "jwt") {
    if (!u.jar.jwt || u.jar.jwt.exp <= s.now) return null;
    const cartHome = sessionHome(s, "jwt", Math.max(0, s.servers.findIndex((x) => x.id === u.lastServer)));
    const cart = getSession(s, cartHome, cartKey(user));
    return { v: s.gen, sid: cartKey(user), user, cart: cart && isLive(cart, s.now, s.config.sessionIdleMs) ? cart.cart : 0, createdAt: s.now, lastSeen: s.now };
  }
  const sid = u.jar.sid;
  if (sid === null) return null;
  if (storage === "memory") {
    for (const srv of s.servers) {
      const session2 = srv.memory.get(sid);
      if (session2 && isLive(session2, s.now, s.config.sessionIdleMs)) return session2;
    }
    return null;
  }
  const session = s[storage === "shared" ? "sessionStore" : "database"].sessions.get(sid);
  return session && isLive(session, s.now, s.config.sessionIdleMs) ? session : null;
}

// ../../../tmp/oldsim/src/sim/interventions/settings.ts
var setPolicy = {
  kind: "setPolicy",
  apply(s, iv) {
    s.config = { ...s.config, policy: iv.policy };
    emit(s, "config", `Routing policy \u2192 ${policyById(iv.policy).describe(s.config)}`);
  },
  label: (iv) => `routing: ${policyById(iv.policy).label}`,
  schema: (z, f) => f.kind("setPolicy", { policy: z.enum(POLICY_IDS) })
};
var setStorage = {
  kind: "setStorage",
  apply(s, iv) {
    const from = s.config.storage;
    if (from === iv.storage) return;
    s.config = { ...s.config, storage: iv.storage };
    const moved = migrateSessions(s, from, iv.storage);
    emit(s, "config", `Sessions now live in ${storageLabel(iv.storage)} (${moved})`);
  },
  label: (iv) => `sessions: ${iv.storage}`,
  schema: (z, f) => f.kind("setStorage", { storage: z.enum(STORAGE_KINDS) })
};
var setAffinityTtl = {
  kind: "setAffinityTtl",
  apply(s, iv) {
    s.config = {
      ...s.config,
      cookie: { ...s.config.cookie, ttlMs: iv.ttlMs, mode: iv.mode ?? s.config.cookie.mode },
      clientIpTimeoutMs: iv.ttlMs
    };
    emit(s, "config", `Affinity TTL \u2192 ${formatDuration(iv.ttlMs)} (${s.config.cookie.mode}); cookies already issued keep their expiry`);
  },
  label: (iv) => `affinity TTL ${Math.round(iv.ttlMs / 1e3)} s`,
  schema: (z, f) => f.kind("setAffinityTtl", { ttlMs: f.int(1e3, MAX_AFFINITY_TTL_MS), mode: f.opt(z.enum(["sliding", "fixed"])) })
};
var setCanary = {
  kind: "setCanary",
  apply(s, iv) {
    s.config = { ...s.config, canaryPercent: Math.max(0, Math.min(100, iv.percent)) };
    emit(s, "config", `Canary: ${s.config.canaryPercent}% of requests ignore affinity`);
  },
  label: (iv) => `canary ${iv.percent}%`,
  schema: (_, f) => f.kind("setCanary", { percent: f.num(0, 100) })
};
var setIdempotency = {
  kind: "setIdempotency",
  apply(s, iv) {
    s.config = { ...s.config, idempotencyKeys: iv.on };
    emit(s, "config", iv.on ? "Checkouts now carry idempotency keys" : "Checkouts no longer carry idempotency keys");
  },
  label: (iv) => `idempotency ${iv.on ? "on" : "off"}`,
  schema: (z, f) => f.kind("setIdempotency", { on: z.boolean() })
};
var setFailover = {
  kind: "setFailover",
  apply(s, iv) {
    s.config = { ...s.config, failover: iv.mode };
    emit(s, "config", iv.mode === "repin" ? "Failover: re-pin to a healthy server" : "Failover: none, pinned requests fail while their server is down");
  },
  label: (iv) => `failover: ${iv.mode}`,
  schema: (z, f) => f.kind("setFailover", { mode: z.enum(["repin", "fail"]) })
};
function storageLabel(storage) {
  switch (storage) {
    case "memory":
      return "server memory";
    case "shared":
      return "a shared store";
    case "database":
      return "the database";
    case "jwt":
      return "JWT tokens";
  }
}

// ../../../tmp/oldsim/src/sim/interventions/tokens.ts
var REPLAY_EVERY_MS = 5e3;
var revokeToken = {
  kind: "revokeToken",
  apply: (s, iv) => revoke(s, iv.user),
  label: () => "revoke a token",
  button: () => ({ text: "Revoke token" }),
  schema: (_, f) => f.kind("revokeToken", { user: f.user })
};
var setDenyList = {
  kind: "setDenyList",
  apply(s, iv) {
    s.config = { ...s.config, jwt: { ...s.config.jwt, denyList: iv.on } };
    emit(s, "config", iv.on ? "JWT deny list on: every request checks it in the shared store" : "JWT deny list off: a valid signature is enough");
  },
  label: (iv) => `deny list ${iv.on ? "on" : "off"}`,
  schema: (z, f) => f.kind("setDenyList", { on: z.boolean() })
};
function revoke(s, id) {
  const u = s.users[id];
  if (!u) return;
  const token = u.jar.jwt;
  if (token === null) {
    emit(s, "security", `${u.name} has no token to revoke`, { user: id });
    return;
  }
  if (s.config.jwt.denyList) s.deny = new Map(s.deny).set(token.jti, token.exp);
  const user = mutUser(s, id);
  user.jar = { ...user.jar, jwt: null };
  user.believesLoggedIn = false;
  user.next = "login";
  emit(s, "security", `${u.name} logged out; token ${token.jti} revoked${s.config.jwt.denyList ? " and added to the deny list" : " \u2014 but with no deny list, servers only check the signature"}. A stolen copy is replayed every ${REPLAY_EVERY_MS / 1e3} s`, { user: id });
  schedule(s, s.now + 1e3, { kind: "token.replay", user: id, jti: token.jti, exp: token.exp });
}
function onTokenReplay(s, user, jti, exp) {
  if (s.now >= exp) return;
  const u = s.users[user];
  const refused = s.config.storage === "jwt" && s.config.jwt.denyList && s.sessionStore.up && s.deny.has(jti);
  if (refused) {
    s.counters.revokedTokenRefused += 1;
    emit(s, "security", `Stolen copy of ${u.name}'s revoked token ${jti} refused: it is on the deny list`, { user });
  } else {
    s.counters.revokedTokenAccepted += 1;
    emit(s, "security", `Stolen copy of ${u.name}'s revoked token ${jti} ACCEPTED: the signature is valid until it expires`, { user });
  }
  schedule(s, s.now + REPLAY_EVERY_MS, { kind: "token.replay", user, jti, exp });
}

// ../../../tmp/oldsim/src/sim/interventions.ts
var INTERVENTIONS = {
  crashServer: crashServer2,
  restartServer: restartServer2,
  addServer: addServer2,
  removeServer: removeServer2,
  rollingDeploy,
  storeDown,
  storeUp,
  setPolicy,
  setStorage,
  setAffinityTtl,
  setRate,
  setUsers,
  addNatGroup,
  addHeavyUsers,
  changeUserIp,
  forgeHeader,
  setHeaderSource,
  setCanary,
  revokeToken,
  setIdempotency,
  setDenyList,
  setFailover,
  setStorePersistence
};
function recordOf(iv) {
  const def = INTERVENTIONS[iv.kind];
  if (def === void 0) throw new Error(`unhandled intervention ${JSON.stringify(iv)}`);
  return def;
}
function applyIntervention(s, iv) {
  recordOf(iv).apply(s, iv);
}

// ../../../tmp/oldsim/src/sim/state.ts
var SAMPLE_MS = 1e3;
var SWEEP_MS = 6e4;
function zeroCounters() {
  return {
    requests: 0,
    ok: 0,
    failed: 0,
    retried: 0,
    unexpectedLogouts: 0,
    cartsLost: 0,
    sessionsLost: 0,
    sessionsExpired: 0,
    duplicateOrders: 0,
    orders: 0,
    affinityRemaps: 0,
    revokedTokenAccepted: 0,
    revokedTokenRefused: 0,
    reconnects: 0,
    maxReconnectBurst: 0,
    forgedRouted: 0,
    forgedOnTarget: 0
  };
}
function createSim(config, seed) {
  const users = [];
  const heavyFrom = config.users - Math.min(config.heavyUsers, config.users);
  for (let id = 0; id < config.users; id++) {
    users.push(makeUser(seed, id, { heavy: id >= heavyFrom || config.heavyIds.includes(id) }));
  }
  config.natGroups.forEach((spec, group) => {
    for (let i = 0; i < spec.size && users.length < MAX_USERS; i++) {
      users.push(makeUser(seed, users.length, { nat: { group, spec, index: i }, heavy: spec.heavy ?? false }));
    }
  });
  const s = {
    gen: 0,
    seed,
    config,
    now: 0,
    itemCount: 0,
    eventCount: 0,
    scriptCursor: 0,
    seq: 0,
    heap: createHeap(),
    events: /* @__PURE__ */ new Map(),
    rng: createRng(seed, 0),
    users,
    servers: Array.from({ length: config.servers }, (_, i) => makeServer(i, 0, "up")),
    sessionStore: { v: 0, kind: "shared", up: true, since: 0, persistent: config.store.persistent, sessions: /* @__PURE__ */ new Map() },
    database: { v: 0, kind: "database", up: true, since: 0, persistent: true, sessions: /* @__PURE__ */ new Map() },
    lb: { v: 0, rrCursor: -1, rrWeights: {}, clientIp: /* @__PURE__ */ new Map() },
    inflight: users.map(() => null),
    nextRequestId: 1,
    nextSid: 1,
    recent: [],
    trace: [],
    traceSeq: 0,
    counters: zeroCounters(),
    latency: createHistogram(),
    history: [],
    lastSample: { t: 0, requests: [], busyMs: [] },
    deny: /* @__PURE__ */ new Map(),
    deploy: null,
    reconnectWindow: { start: 0, count: 0 },
    forgedValues: {},
    lastRouted: -1
  };
  users.forEach((u, i) => {
    const at2 = Math.floor(i * config.arrivalSpreadMs / Math.max(1, users.length));
    schedule(s, at2, { kind: "user.arrive", user: u.id });
  });
  schedule(s, config.health.intervalMs, { kind: "lb.healthCheck" });
  schedule(s, SAMPLE_MS, { kind: "metrics.sample" });
  schedule(s, SWEEP_MS, { kind: "sessions.sweep" });
  return s;
}

// ../../../tmp/oldsim/src/sim/housekeeping.ts
var HISTORY_LIMIT = 600;
function sampleMetrics(s) {
  const n = s.servers.length;
  const load = new Array(n);
  const busyMs = new Array(n);
  const requests = new Array(n);
  const busyTotals = new Array(n);
  const last = s.lastSample;
  for (let i = 0; i < n; i++) {
    const srv = s.servers[i];
    const busy = busyMsAt(srv, s.now);
    load[i] = srv.requests - (last.requests[i] ?? 0);
    busyMs[i] = busy - (last.busyMs[i] ?? 0);
    requests[i] = srv.requests;
    busyTotals[i] = busy;
  }
  const sample = {
    t: s.now,
    unexpectedLogouts: s.counters.unexpectedLogouts,
    cartsLost: s.counters.cartsLost,
    failed: s.counters.failed,
    requests: s.counters.requests,
    load,
    busyMs
  };
  s.history.push(sample);
  if (s.history.length > HISTORY_LIMIT * 2) s.history.splice(0, s.history.length - HISTORY_LIMIT);
  s.lastSample = { t: s.now, requests, busyMs: busyTotals };
  schedule(s, s.now + SAMPLE_MS, { kind: "metrics.sample" });
}
function sweepSessions(s) {
  const idle = s.config.sessionIdleMs;
  s.servers.forEach((srv, i) => {
    let expired = false;
    for (const session of srv.memory.values()) if (!isLive(session, s.now, idle)) expired = true;
    if (!expired) return;
    const owned = mutServer(s, i);
    for (const [key, session] of owned.memory) if (!isLive(session, s.now, idle)) owned.memory.delete(key);
  });
  for (const which of ["sessionStore", "database"]) {
    let expired = false;
    for (const session of s[which].sessions.values()) if (!isLive(session, s.now, idle)) expired = true;
    if (!expired) continue;
    const owned = mutStore(s, which);
    for (const [key, session] of owned.sessions) if (!isLive(session, s.now, idle)) owned.sessions.delete(key);
  }
  if ([...s.deny.values()].some((exp) => exp <= s.now)) s.deny = new Map([...s.deny].filter(([, exp]) => exp > s.now));
  schedule(s, s.now + SWEEP_MS, { kind: "sessions.sweep" });
}

// ../../../tmp/oldsim/src/sim/engine.ts
function advanceTo(prev, t, script = []) {
  const s = beginTx(prev);
  run(s, script, t, Infinity, Infinity);
  if (t > s.now) s.now = t;
  return s;
}
function run(s, script, untilTime, untilItem, untilTrace) {
  const heap = s.heap;
  while (s.itemCount < untilItem && s.traceSeq < untilTrace) {
    const t = heapTopTime(heap);
    const iv = s.scriptCursor < script.length ? script[s.scriptCursor] : void 0;
    if (iv && iv.at < t) {
      if (iv.at > untilTime) return;
      s.now = Math.max(s.now, iv.at);
      s.scriptCursor += 1;
      s.itemCount += 1;
      applyIntervention(s, iv.do);
      continue;
    }
    if (t === Infinity || t > untilTime) return;
    const d = heap.data;
    const seq = d[1];
    const request = d[2];
    const code = d[3];
    heapPop(heap);
    s.now = t;
    s.eventCount += 1;
    s.itemCount += 1;
    if (request >= 0) handleRequest(s, request, code);
    else handle2(s, takeEvent(s, seq));
  }
}
function handleRequest(s, request, code) {
  const kind = requestEventKind(code);
  const user = requestEventUser(code);
  switch (kind) {
    case "request.forward":
      return onForward(s, user, request);
    case "request.done":
      return onDone(s, user, request, requestEventServer(code));
    case "request.atClient":
      return onAtClient(s, user, request);
    case "client.timeout":
      return onClientTimeout(s, user, request);
    default:
      return assertNever(kind);
  }
}
function handle2(s, e) {
  switch (e.kind) {
    case "user.arrive": {
      if (s.users[e.user].active || s.users[e.user].left) return;
      const user = mutUser(s, e.user);
      user.active = true;
      if (!s.inflight[e.user]) sendRequest(s, user, user.next, s.now, 1);
      return;
    }
    case "lb.healthCheck": {
      const recovered = healthCheck(s);
      if (s.deploy && s.deploy.current !== null && recovered.includes(s.deploy.current)) deployNext(s);
      return;
    }
    case "server.started":
      return onServerStarted(s, e.server, e.version);
    case "server.drainCheck":
      return onDrainCheck(s, e.server, e.version);
    case "sessions.sweep":
      return sweepSessions(s);
    case "metrics.sample":
      return sampleMetrics(s);
    case "token.replay":
      return onTokenReplay(s, e.user, e.jti, e.exp);
    case "ws.reconnect":
      return onReconnect(s, e.user);
    default:
      return assertNever(e);
  }
}
function assertNever(x) {
  throw new Error(`unhandled event ${JSON.stringify(x)}`);
}

// ../../../tmp/oldsim/src/sim/scenarios/affinityTtlExpiry.ts
var affinityTtlExpiry = {
  id: "affinity-ttl-expiry",
  title: "When the affinity cookie expires",
  watch: "Users step away for a minute or two; when they come back their 60-second cookie has expired and round robin may send them elsewhere.",
  claim: "Affinity has a TTL; when it expires a user can move and lose an in-memory session (none if the TTL outlives the session).",
  lesson: "techniques",
  // Seed 5: several users take breaks longer than the TTL within the first three minutes.
  seed: 5,
  config: {
    servers: 3,
    users: 12,
    policy: "cookie",
    storage: "memory",
    cookie: { ttlMs: 6e4, mode: "sliding" },
    breakChance: 0.6,
    breakMs: 12e4
  },
  script: [],
  durationMs: 48e4
};

// ../../../tmp/oldsim/src/sim/scenarios/scenario.ts
var SCENARIO_IDS = [
  "scale-out-no-affinity",
  "cookie-affinity",
  "affinity-ttl-expiry",
  "ip-hash-nat-hotspot",
  "mobile-ip-change",
  "header-spoofing",
  "crash-sticky-memory",
  "heavy-users-hotspot",
  "autoscale-sticky",
  "rolling-deploy",
  "one-hot-backend",
  "shared-store",
  "database-store",
  "store-outage",
  "jwt-tokens",
  "consistent-hash-scaling",
  "retry-duplicates",
  "migration-plan",
  "websocket-affinity"
];
function at(ms, iv) {
  return { at: ms, do: iv, by: "scenario" };
}

// ../../../tmp/oldsim/src/sim/scenarios/autoscaleSticky.ts
var autoscaleSticky = {
  id: "autoscale-sticky",
  title: "Autoscaling while users are pinned",
  watch: "At 1:00 two servers are added to relieve the load, but every existing user stays pinned to the old three: D and E sit almost idle.",
  claim: "New instances get little traffic while old affinities live.",
  lesson: "the-four-risks",
  // Seed 8: steady traffic; ten newcomers at 1:30 are the only ones the new servers can get.
  seed: 8,
  config: { servers: 3, users: 30, policy: "cookie", storage: "memory", arrivalSpreadMs: 1e4 },
  script: [
    at(6e4, { kind: "addServer" }),
    at(6e4, { kind: "addServer" }),
    at(9e4, { kind: "setUsers", count: 40 })
  ],
  durationMs: 24e4
};

// ../../../tmp/oldsim/src/sim/scenarios/consistentHashScaling.ts
var consistentHashScaling = {
  id: "consistent-hash-scaling",
  title: "Modulo vs consistent hashing on scale-out",
  watch: "nginx `hash $cookie_uid`: at 0:30 a fourth server joins. With modulo hashing most users move (and lose their session); switch to consistent to move only about a quarter.",
  claim: "nginx hash \u2026 consistent vs modulo when a server is added; a missing cookie falls back to round robin.",
  lesson: "nginx",
  // Seed 13: 60 users give stable fractions; the first request of each has no uid cookie yet.
  seed: 13,
  config: { servers: 3, users: 60, policy: "hash", storage: "memory", breakChance: 0 },
  script: [at(3e4, { kind: "addServer" })],
  durationMs: 9e4
};

// ../../../tmp/oldsim/src/sim/scenarios/cookieAffinity.ts
var cookieAffinity = {
  id: "cookie-affinity",
  title: "Cookie affinity keeps each user home",
  watch: "The AWSALB cookie in each jar names a server; every later request follows it \u2014 even the eight users behind one office NAT spread out.",
  claim: "An LB cookie keeps each user on one server: no logouts, and balanced even when many users share one IP.",
  lesson: "how-they-work",
  // Seed 11: the NAT group's arrival order interleaves with the others, as in real traffic.
  seed: 11,
  config: {
    servers: 3,
    users: 16,
    policy: "cookie",
    storage: "memory",
    natGroups: [{ size: 8, ip: "198.51.100.23" }]
  },
  script: [],
  durationMs: 12e4
};

// ../../../tmp/oldsim/src/sim/scenarios/crashStickyMemory.ts
var crashStickyMemory = {
  id: "crash-sticky-memory",
  title: "Stickiness can\u2019t save a dead server\u2019s memory",
  watch: "At 0:30 server B crashes. Its session chips vanish, and exactly the users whose sessions were on B get logged out.",
  claim: "Stickiness can\u2019t save state in a dead server\u2019s memory.",
  lesson: "sticky-vs-stateless",
  // Seed 1: B holds a typical third of the sessions when it crashes.
  seed: 1,
  config: { servers: 3, users: 18, policy: "cookie", storage: "memory" },
  script: [at(3e4, { kind: "crashServer", server: "B" })],
  durationMs: 9e4
};

// ../../../tmp/oldsim/src/sim/scenarios/databaseStore.ts
var databaseStore = {
  id: "database-store",
  title: "Sessions in the database",
  watch: "Every request reads and touches its session in the database (\u22485 ms a trip instead of \u22481 ms): watch p50 latency.",
  claim: "A database works as a session store but costs latency.",
  lesson: "better-alternatives",
  // Same seed as shared-store, so the latency difference comes from the store alone.
  seed: 1,
  config: { servers: 3, users: 18, policy: "round-robin", storage: "database" },
  script: [],
  durationMs: 9e4
};

// ../../../tmp/oldsim/src/sim/scenarios/headerSpoofing.ts
var BOTS = [16, 17, 18, 19, 20, 21];
var headerSpoofing = {
  id: "header-spoofing",
  title: "Forging the affinity header",
  watch: "At 0:20 six busy bots send X-User-Id values they chose because they hash to B \u2014 and the load balancer believes them.",
  claim: "Header affinity is powerful, but a client-set header can be forged; a gateway-injected one cannot.",
  lesson: "techniques",
  // Seed 4: B is not already the busiest server, so the flood is easy to see.
  seed: 4,
  config: {
    servers: 4,
    users: 22,
    heavyUsers: 6,
    policy: "header",
    storage: "memory",
    header: { name: "X-User-Id", source: "client" }
  },
  script: BOTS.map((user) => at(2e4, { kind: "forgeHeader", user, target: "B" })),
  durationMs: 9e4
};

// ../../../tmp/oldsim/src/sim/scenarios/heavyUsersHotspot.ts
var heavyUsersHotspot = {
  id: "heavy-users-hotspot",
  title: "Heavy users stuck together",
  watch: "Five power users from one office subnet all hash to the same server; its utilisation bar runs hot while the others idle.",
  claim: "A few heavy users stuck to one backend overload it; without stickiness the load is even.",
  lesson: "the-four-risks",
  // Seed 6: the office /24 shares a server with a normal share of other users.
  seed: 6,
  config: {
    servers: 4,
    users: 20,
    policy: "ip-hash",
    storage: "memory",
    natGroups: [{ size: 5, ip: "192.0.2.10", subnet: true, heavy: true }]
  },
  script: [],
  durationMs: 12e4
};

// ../../../tmp/oldsim/src/sim/scenarios/ipHashNatHotspot.ts
var ipHashNatHotspot = {
  id: "ip-hash-nat-hotspot",
  title: "IP hash and the carrier-grade NAT",
  watch: "Thirty users share one mobile-carrier address; nginx ip_hash sends every one of them to the same server.",
  claim: "IP hash pins everyone behind one NAT/CGNAT address (or one /24) to one server.",
  lesson: "techniques",
  // Seed 3: the CGNAT address hashes to a different server than most individual users.
  seed: 3,
  config: {
    servers: 4,
    users: 16,
    policy: "ip-hash",
    storage: "memory",
    natGroups: [{ size: 30, ip: "100.64.10.7" }]
  },
  script: [],
  durationMs: 12e4
};

// ../../../tmp/oldsim/src/sim/scenarios/jwtTokens.ts
var jwtTokens = {
  id: "jwt-tokens",
  title: "JWT: stateless identity, stateful carts",
  watch: "At 0:30 B crashes: nobody is logged out (tokens), but carts kept in B\u2019s memory vanish. At 1:00 Ana logs out \u2014 and a stolen copy of her token still works.",
  claim: "Tokens remove auth state but not carts; revocation needs a deny list.",
  lesson: "better-alternatives",
  // Seed 1, like the other crash scenarios.
  seed: 1,
  config: { servers: 3, users: 18, policy: "cookie", storage: "jwt", jwt: { ttlMs: 9e5, denyList: false, carts: "memory" } },
  script: [at(3e4, { kind: "crashServer", server: "B" }), at(6e4, { kind: "revokeToken", user: 0 })],
  durationMs: 9e4
};

// ../../../tmp/oldsim/src/sim/scenarios/migrationPlan.ts
var migrationPlan = {
  id: "migration-plan",
  title: "From sticky to stateless in five steps",
  watch: "Sticky cookie + memory \u2192 sessions copied to a shared store \u2192 idempotency keys \u2192 shorter TTL and a 20% canary without affinity \u2192 affinity off. Unexpected logouts stay at 0 throughout.",
  claim: "The five-step path from sticky to stateless keeps users logged in.",
  lesson: "migration-plan",
  // Seed 15: every server holds sessions before step 2.
  seed: 15,
  config: { servers: 3, users: 18, policy: "cookie", storage: "memory" },
  script: [
    at(3e4, { kind: "setStorage", storage: "shared" }),
    at(45e3, { kind: "setIdempotency", on: true }),
    at(6e4, { kind: "setAffinityTtl", ttlMs: 3e5 }),
    at(6e4, { kind: "setCanary", percent: 20 }),
    at(8e4, { kind: "setPolicy", policy: "round-robin" })
  ],
  durationMs: 12e4
};

// ../../../tmp/oldsim/src/sim/scenarios/mobileIpChange.ts
var mobileIpChange = {
  id: "mobile-ip-change",
  title: "A phone changes networks",
  watch: "At 0:30 Ana walks out of the caf\xE9: her phone leaves Wi-Fi, gets a new IP, and ip_hash sends her to another server.",
  claim: "IP affinity breaks when a user\u2019s IP changes.",
  lesson: "techniques",
  // Seed 2: Ana's new address hashes to a different server than her old one.
  seed: 2,
  config: { servers: 3, users: 9, policy: "ip-hash", storage: "memory", breakChance: 0 },
  script: [at(3e4, { kind: "changeUserIp", user: 0 })],
  durationMs: 6e4
};

// ../../../tmp/oldsim/src/sim/scenarios/oneHotBackend.ts
var oneHotBackend = {
  id: "one-hot-backend",
  title: "The average hides one hot server",
  watch: "Mean utilisation looks comfortable, but C carries all four heavy users: its queue grows and its users wait several times longer.",
  claim: "Averages hide one overloaded instance.",
  lesson: "the-four-risks",
  // Seed 10. Users 2, 8, 14, 20 are heavy; arriving in order, round robin pins each 6th user to C.
  seed: 10,
  config: { servers: 6, users: 36, policy: "cookie", storage: "memory", heavyIds: [2, 8, 14, 20], arrivalSpreadMs: 6e3 },
  script: [],
  durationMs: 12e4
};

// ../../../tmp/oldsim/src/sim/scenarios/retryDuplicates.ts
var retryDuplicates = {
  id: "retry-duplicates",
  title: "Retries and duplicate orders",
  watch: "Some responses get lost and browsers retry; a retried checkout without an idempotency key places the order twice. Turn keys on and the duplicates stop.",
  claim: "Without stickiness retries and failovers happen more; make requests idempotent.",
  lesson: "migration-plan",
  // Seed 14: a few checkouts lose their response in the first minute.
  seed: 14,
  config: { servers: 3, users: 24, policy: "round-robin", storage: "shared", responseLossRate: 0.05, idempotencyKeys: false },
  script: [at(6e4, { kind: "crashServer", server: "A" }), at(75e3, { kind: "restartServer", server: "A" })],
  durationMs: 15e4
};

// ../../../tmp/oldsim/src/sim/scenarios/rollingDeploy.ts
var rollingDeploy2 = {
  id: "rolling-deploy",
  title: "A rolling deploy with sticky sessions",
  watch: "At 0:30 a deploy drains A, B, C in turn. Pinned users keep each draining server busy until the 60-second drain timeout \u2014 then its sessions go anyway.",
  claim: "With stickiness, deploys drag out (drain) or drop sessions (kill); a stateless deploy is quick and loses nothing.",
  lesson: "the-four-risks",
  // Seed 9: users are mid-journey on every server when the deploy starts.
  seed: 9,
  config: { servers: 3, users: 18, policy: "cookie", storage: "memory", drainTimeoutMs: 6e4 },
  script: [at(3e4, { kind: "rollingDeploy", mode: "drain" })],
  durationMs: 3e5
};

// ../../../tmp/oldsim/src/sim/scenarios/scaleOutNoAffinity.ts
var scaleOutNoAffinity = {
  id: "scale-out-no-affinity",
  title: "Scale out, and users get logged out",
  watch: "Each request lands on a random-looking server; a server that never saw the login answers with the login page.",
  claim: "One server is fine; several servers with sessions in memory and no affinity log users out at random.",
  lesson: "the-problem",
  // Any seed shows it; 7 gives a first logout within the first ten seconds.
  seed: 7,
  config: { servers: 3, users: 12, policy: "round-robin", storage: "memory" },
  script: [],
  durationMs: 12e4
};

// ../../../tmp/oldsim/src/sim/scenarios/sharedStore.ts
var sharedStore = {
  id: "shared-store",
  title: "Sessions in a shared store",
  watch: "Sessions live in the store, not on the servers. At 0:30 B crashes \u2014 and nobody is logged out.",
  claim: "Move sessions to a shared store: any server serves anyone, and crashes lose nothing.",
  lesson: "better-alternatives",
  // Same seed as crash-sticky-memory, so the two runs can be compared.
  seed: 1,
  config: { servers: 3, users: 18, policy: "round-robin", storage: "shared" },
  script: [at(3e4, { kind: "crashServer", server: "B" })],
  durationMs: 9e4
};

// ../../../tmp/oldsim/src/sim/scenarios/storeOutage.ts
var storeOutage2 = {
  id: "store-outage",
  title: "When the shared store goes down",
  watch: "From 0:30 to 0:45 the store is down: every request that needs a session fails. It comes back with every session intact.",
  claim: "The shared store becomes the new single point of failure.",
  lesson: "better-alternatives",
  // Seed 12: a steady stream of logged-in traffic when the outage begins.
  seed: 12,
  config: { servers: 3, users: 18, policy: "round-robin", storage: "shared", store: { persistent: true } },
  script: [at(3e4, { kind: "storeDown" }), at(45e3, { kind: "storeUp" })],
  durationMs: 9e4
};

// ../../../tmp/oldsim/src/sim/scenarios/websocketAffinity.ts
var websocketAffinity = {
  id: "websocket-affinity",
  title: "Long-lived connections",
  watch: "Each logged-in user holds a WebSocket to one server \u2014 affinity for free. At 0:40 B crashes and all its connections reconnect in the same second.",
  claim: "Long-lived connections are a case where affinity is reasonable \u2014 and a crash forces a reconnect storm.",
  lesson: "when-sticky-helps",
  // Seed 16: B holds about a third of the connections.
  seed: 16,
  config: { servers: 3, users: 24, policy: "cookie", storage: "shared", websockets: true },
  script: [at(4e4, { kind: "crashServer", server: "B" })],
  durationMs: 9e4
};

// ../../../tmp/oldsim/src/sim/scenarios/index.ts
var SCENARIOS = {
  "scale-out-no-affinity": scaleOutNoAffinity,
  "cookie-affinity": cookieAffinity,
  "affinity-ttl-expiry": affinityTtlExpiry,
  "ip-hash-nat-hotspot": ipHashNatHotspot,
  "mobile-ip-change": mobileIpChange,
  "header-spoofing": headerSpoofing,
  "crash-sticky-memory": crashStickyMemory,
  "heavy-users-hotspot": heavyUsersHotspot,
  "autoscale-sticky": autoscaleSticky,
  "rolling-deploy": rollingDeploy2,
  "one-hot-backend": oneHotBackend,
  "shared-store": sharedStore,
  "database-store": databaseStore,
  "store-outage": storeOutage2,
  "jwt-tokens": jwtTokens,
  "consistent-hash-scaling": consistentHashScaling,
  "retry-duplicates": retryDuplicates,
  "migration-plan": migrationPlan,
  "websocket-affinity": websocketAffinity
};
var SCENARIO_LIST = SCENARIO_IDS.map((id) => SCENARIOS[id]);

// ../../../tmp/oldsim/src/sim/harness.ts
var LabBuilder = class {
  constructor(seedValue) {
    this.seedValue = seedValue;
  }
  seedValue;
  patches = [];
  script = [];
  cursor = 0;
  scenario(id) {
    const sc = SCENARIOS[id];
    this.seedValue = sc.seed;
    this.patches.push(sc.config);
    this.script.push(...sc.script);
    return this;
  }
  seed(n) {
    this.seedValue = n;
    return this;
  }
  config(patch) {
    this.patches.push(patch);
    return this;
  }
  servers(n) {
    return this.config({ servers: n });
  }
  users(n) {
    return this.config({ users: n });
  }
  policy(p) {
    return this.config({ policy: p });
  }
  storage(st) {
    return this.config({ storage: st });
  }
  /** Later interventions happen at this simulated time. */
  at(t) {
    this.cursor = t;
    return this;
  }
  do(iv) {
    this.script.push({ at: this.cursor, do: iv });
    return this;
  }
  crash(server) {
    return this.do({ kind: "crashServer", server });
  }
  restart(server) {
    return this.do({ kind: "restartServer", server });
  }
  addServer() {
    return this.do({ kind: "addServer" });
  }
  /** Drop the scripted interventions (keep config and seed). */
  withoutScript() {
    this.script = [];
    return this;
  }
  get resolvedConfig() {
    return resolveConfig(...this.patches);
  }
  get scriptItems() {
    return [...this.script].sort((a, b) => a.at - b.at);
  }
  get seedNumber() {
    return this.seedValue;
  }
  /** The initial state. */
  start() {
    return createSim(this.resolvedConfig, this.seedValue);
  }
  /** Run from the start to `until` and return the final state. */
  run(until) {
    return advanceTo(this.start(), until, this.scriptItems);
  }
  /** Run and return the state at each of `times` (ascending), one state per time. */
  runAt(times) {
    const script = this.scriptItems;
    let s = this.start();
    return times.map((t) => s = advanceTo(s, t, script));
  }
};
function lab(seed = 1) {
  return new LabBuilder(seed);
}

// ../../../tmp/oldsim/src/sim/timeline.ts
var CHECKPOINT_MS = 2e3;
var MAX_CHECKPOINTS = 600;
function createTimeline(config, seed, script = []) {
  const sorted = sortScript(script);
  return { config, seed, script: sorted, checkpoints: [advanceTo(createSim(config, seed), 0, sorted)], every: CHECKPOINT_MS };
}
function sortScript(script) {
  return [...script].sort((a, b) => a.at - b.at);
}
function play(tl, state, t) {
  if (t <= state.now) return { timeline: tl, state };
  let s = state;
  let checkpoints = null;
  const last = tl.checkpoints[tl.checkpoints.length - 1];
  let boundary = (Math.floor(Math.max(last.now, s.now) / tl.every) + 1) * tl.every;
  while (boundary <= t) {
    s = advanceTo(s, boundary, tl.script);
    if (boundary > last.now) (checkpoints ??= [...tl.checkpoints]).push(s);
    boundary += tl.every;
  }
  s = advanceTo(s, t, tl.script);
  if (!checkpoints) return { timeline: tl, state: s };
  return { timeline: thin({ ...tl, checkpoints }), state: s };
}
function thin(tl) {
  if (tl.checkpoints.length <= MAX_CHECKPOINTS) return tl;
  const every = tl.every * 2;
  return { ...tl, every, checkpoints: tl.checkpoints.filter((c) => c.now % every === 0) };
}
function checkpointBefore(tl, t, item = Infinity) {
  let lo = 0;
  let hi = tl.checkpoints.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    const c = tl.checkpoints[mid];
    if (c.now <= t && c.itemCount <= item) lo = mid;
    else hi = mid - 1;
  }
  return tl.checkpoints[lo];
}
function seek(tl, t) {
  const from = checkpointBefore(tl, t);
  return play(tl, from, Math.max(t, from.now));
}
export {
  createTimeline,
  lab,
  play,
  seek
};
