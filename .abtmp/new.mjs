// src/sim/types/ids.ts
var SERVER_IDS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];

// src/sim/types/config.ts
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

// src/sim/products/alb.ts
var NO_HASH = "an ALB has no hashing algorithms (round_robin, least_outstanding_requests, weighted_random); its affinity is the AWSALB cookie";
var alb = {
  id: "alb",
  label: "AWS ALB",
  short: "ALB",
  facts: "docs/facts/alb.md",
  policies: {
    "round-robin": { supported: true, name: "load_balancing.algorithm.type = round_robin" },
    "least-connections": { supported: true, name: "load_balancing.algorithm.type = least_outstanding_requests" },
    random: { supported: true, name: "load_balancing.algorithm.type = weighted_random" },
    cookie: { supported: true, name: "stickiness.type = lb_cookie (AWSALB)" },
    "ip-hash": { supported: false, why: NO_HASH, instead: "cookie" },
    hash: { supported: false, why: NO_HASH, instead: "cookie" },
    "hash-consistent": { supported: false, why: NO_HASH, instead: "cookie" },
    header: { supported: false, why: NO_HASH, instead: "cookie" },
    "client-ip": { supported: false, why: NO_HASH, instead: "cookie" }
  },
  stickyPolicy: "cookie",
  statelessPolicy: "round-robin",
  // alb.md §2, §3a, §4.
  defaults: {
    cookie: { name: "AWSALB", ttlMs: 864e5, mode: "sliding" },
    health: { intervalMs: 3e4, unhealthyThreshold: 2, healthyThreshold: 5 },
    drainTimeoutMs: 3e5
  },
  serverName: (_id, address) => address
};

// src/sim/products/cloudflare.ts
var NO_HASH2 = "Cloudflare steers inside a pool by random, hash of CF-Connecting-IP (undocumented function), least outstanding requests or least connections; its affinity is the __cflb cookie or a header";
var cloudflare = {
  id: "cloudflare",
  label: "Cloudflare Load Balancing",
  short: "Cloudflare",
  facts: "docs/facts/cloudflare.md",
  policies: {
    "round-robin": { supported: false, why: "Cloudflare has no round robin inside a pool (origin_steering: random by default)", instead: "random" },
    "least-connections": { supported: true, name: "origin_steering.policy = least_outstanding_requests" },
    random: { supported: true, name: "origin_steering.policy = random" },
    cookie: { supported: true, name: "session_affinity = cookie (__cflb)" },
    "ip-hash": { supported: false, why: NO_HASH2, instead: "cookie" },
    hash: { supported: false, why: NO_HASH2, instead: "cookie" },
    "hash-consistent": { supported: false, why: NO_HASH2, instead: "cookie" },
    header: {
      supported: true,
      name: "session_affinity = header (X-User-Id)",
      note: "Cloudflare keeps the header \u2192 endpoint table itself (first pick random, idle TTL 1800 s), it does not hash the value"
    },
    "client-ip": { supported: false, why: NO_HASH2, instead: "cookie" }
  },
  stickyPolicy: "cookie",
  statelessPolicy: "random",
  // cloudflare.md §2, §3, §4: monitor every 60 s, consecutive_down/up 0 (one round decides);
  // __cflb 82800 s fixed; drain_duration 0; zero_downtime_failover `none` = the lab's failover "fail".
  defaults: {
    cookie: { name: "__cflb", ttlMs: 828e5, mode: "fixed" },
    health: { intervalMs: 6e4, unhealthyThreshold: 1, healthyThreshold: 1 },
    drainTimeoutMs: 0,
    failover: "fail"
  },
  serverName: (id) => id.toLowerCase()
};

// src/sim/products/haproxy.ts
var haproxy = {
  id: "haproxy",
  label: "HAProxy 2.6",
  short: "HAProxy",
  facts: "docs/facts/haproxy.md",
  policies: {
    "round-robin": { supported: true, name: "balance roundrobin" },
    "least-connections": { supported: true, name: "balance leastconn" },
    random: { supported: true, name: "balance random" },
    cookie: { supported: true, name: "cookie SERVERID insert indirect nocache + option redispatch" },
    "ip-hash": {
      supported: true,
      name: "balance source",
      note: "HAProxy hashes the whole client address (nginx ip_hash only its first three octets), so one /24 spreads out; one NAT address still lands on one server"
    },
    hash: {
      supported: false,
      why: "the lab models HAProxy\u2019s balance source and hdr() exactly; hashing the uid cookie (balance hash req.cook(uid)) is not modelled",
      instead: "header"
    },
    "hash-consistent": {
      supported: false,
      why: "the lab models HAProxy\u2019s balance source and hdr() exactly; hashing the uid cookie (balance hash req.cook(uid)) is not modelled",
      instead: "header"
    },
    header: { supported: true, name: "balance hdr(X-User-Id) + hash-type consistent" },
    "client-ip": {
      supported: true,
      name: "stick-table type ip expire 3h + stick on src",
      note: "an idle window per client address, like a Kubernetes ClientIP table; the first pick is round robin, not random"
    }
  },
  stickyPolicy: "cookie",
  statelessPolicy: "round-robin",
  // haproxy.md §Cookie insert: `insert` always makes a session cookie; a lifetime (maxidle = sliding,
  // maxlife = fixed) is enforced by HAProxy inside the value. ttlMs 0 = no limit.
  // `check` with its defaults: inter 2s, fall 3, rise 2 (include/haproxy/defaults.h DEF_CHKINTR,
  // DEF_FALLTIME, DEF_RISETIME). `option redispatch` is the lab's failover "re-pin".
  defaults: {
    cookie: { name: "SERVERID", ttlMs: 0, mode: "sliding" },
    health: { intervalMs: 2e3, unhealthyThreshold: 3, healthyThreshold: 2 },
    failover: "repin"
  },
  // The lab names its servers A–J on the `server` lines and in `cookie` values: SERVERID=B.
  serverName: (id) => id
};

// src/sim/products/kubeProxy.ts
var L4 = "a Kubernetes Service balances TCP connections and never reads HTTP (no cookies, no headers); its only affinity is sessionAffinity: ClientIP";
var kubeProxy = {
  id: "kube-proxy",
  label: "Kubernetes Service (kube-proxy)",
  short: "kube-proxy",
  facts: "docs/facts/kubernetes.md",
  policies: {
    "round-robin": { supported: true, name: "kube-proxy mode: ipvs, scheduler: rr" },
    "least-connections": { supported: true, name: "kube-proxy mode: ipvs, scheduler: lc" },
    random: { supported: true, name: "kube-proxy mode: iptables (random per connection)" },
    cookie: { supported: false, why: L4, instead: "client-ip" },
    "ip-hash": { supported: false, why: L4, instead: "client-ip" },
    hash: { supported: false, why: L4, instead: "client-ip" },
    "hash-consistent": { supported: false, why: L4, instead: "client-ip" },
    header: { supported: false, why: L4, instead: "client-ip" },
    "client-ip": { supported: true, name: "sessionAffinity: ClientIP" }
  },
  stickyPolicy: "client-ip",
  statelessPolicy: "random",
  // kubernetes.md §2–4: ClientIP timeoutSeconds 10800; the readiness view as kube-proxy applies it
  // (kubelet relist 1 s, kube-proxy sync 1 s: out after 2 ticks, in after 1); terminationGracePeriodSeconds 30.
  defaults: { clientIpTimeoutMs: 108e5, health: { intervalMs: 1e3, unhealthyThreshold: 2, healthyThreshold: 1 }, drainTimeoutMs: 3e4 },
  serverName: (id) => `app-${id.toLowerCase()}`
};

// src/sim/products/nginx.ts
var NO_STICKY = "nginx 1.22 (open source) has no cookie affinity: `sticky cookie` is nginx Plus, or open source only from 1.29.6";
var nginx = {
  id: "nginx",
  label: "nginx 1.22 (open source)",
  short: "nginx",
  facts: "docs/facts/nginx-products.md",
  policies: {
    "round-robin": { supported: true, name: "round robin (no balancing directive)" },
    "least-connections": { supported: true, name: "least_conn" },
    random: { supported: true, name: "random" },
    cookie: { supported: false, why: NO_STICKY, instead: "hash-consistent" },
    "ip-hash": { supported: true, name: "ip_hash" },
    hash: { supported: true, name: "hash $cookie_uid" },
    "hash-consistent": { supported: true, name: "hash $cookie_uid consistent" },
    header: { supported: true, name: "hash $http_x_user_id consistent" },
    "client-ip": {
      supported: false,
      why: "sessionAffinity: ClientIP is a Kubernetes Service setting; nginx pins client addresses with ip_hash",
      instead: "ip-hash"
    }
  },
  // nginx-products.md §5: on Debian 12's nginx, per-user affinity is built from hashing a cookie.
  stickyPolicy: "hash-consistent",
  statelessPolicy: "round-robin",
  defaults: {},
  serverName: (_id, address) => address
};

// src/sim/products/registry.ts
var LB_PRODUCTS = {
  nginx,
  haproxy,
  alb,
  "kube-proxy": kubeProxy,
  cloudflare
};
function productById(id) {
  return LB_PRODUCTS[id];
}
function policyUnder(lb, policy) {
  const product = LB_PRODUCTS[lb];
  const entry = product.policies[policy];
  if (entry.supported) return { policy, problem: null };
  const instead = product.policies[entry.instead];
  const name2 = instead.supported ? instead.name : entry.instead;
  return { policy: entry.instead, problem: `${entry.why} \u2192 ${product.short} uses ${name2} instead.` };
}

// src/sim/config.ts
var DEFAULT_CONFIG = {
  servers: 3,
  users: 12,
  lb: "nginx",
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
  let lb = DEFAULT_CONFIG.lb;
  for (const p of patches) if (p.lb !== void 0) lb = p.lb;
  let c = applyPatch(DEFAULT_CONFIG, productById(lb).defaults);
  for (const p of patches) c = applyPatch(c, p);
  return {
    ...c,
    policy: policyUnder(c.lb, c.policy).policy,
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

// src/sim/heap.ts
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

// src/sim/histogram.ts
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

// src/sim/cow.ts
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
  const copy = { ...lb, v: s.gen, rrWeights: weights, clientIp: new Map(lb.clientIp), conns: new Map(lb.conns), headerTable: new Map(lb.headerTable) };
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

// src/sim/rng.ts
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

// src/sim/storage.ts
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

// src/sim/app.ts
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

// src/sim/trace.ts
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

// src/sim/policies/clientIp.ts
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
    if (candidates.length === 0) return ctx2.none();
    const srv = candidates[Math.floor(ctx2.random() * candidates.length)];
    mutLb(s).clientIp.set(user.ip, { server: srv.id, lastSeen: s.now });
    const why = entry === void 0 ? `${user.ip} not in the table` : fresh ? `${entry.server} is not ready` : "entry timed out";
    return { server: srv.id, decision: `${why} \u2192 random endpoint ${srv.id} \xB7 remembered for ${user.ip}` };
  }
};

// src/sim/policies/cookie.ts
var cookie = {
  id: "cookie",
  label: "Cookie affinity",
  sticky: true,
  describe: (c) => `cookie ${c.cookie.name}, ${c.cookie.ttlMs > 0 ? `${formatDuration(c.cookie.ttlMs)}, ${c.cookie.mode}` : "session cookie"}`,
  route(ctx2) {
    const { s, user } = ctx2;
    const name2 = s.config.cookie.name;
    const jar = user.jar.affinity;
    if (s.config.canaryPercent > 0 && ctx2.random() * 100 < s.config.canaryPercent) {
      return pickFresh(ctx2, `canary (${s.config.canaryPercent}% without affinity)`, false);
    }
    if (jar === null) return pickFresh(ctx2, `no ${name2} cookie`, true);
    if (jar.expiresAt <= s.now) return pickFresh(ctx2, `${name2} cookie expired`, true);
    if (ctx2.canUse(jar.server, true)) return followCookie(name2, jar.server);
    return pickFresh(ctx2, `cookie says ${jar.server}, ${jar.server} is ${ctx2.tried.includes(jar.server) ? "refusing" : "out of rotation"}`, true, "re-pin to");
  }
};
var followed = /* @__PURE__ */ new Map();
function followCookie(name2, server) {
  let byServer = followed.get(name2);
  if (!byServer) followed.set(name2, byServer = /* @__PURE__ */ new Map());
  let result2 = byServer.get(server);
  if (!result2) {
    result2 = { server, decision: `cookie ${name2} says ${server} \u2192 ${server}`, affinity: { server, issued: false }, pinned: true };
    byServer.set(server, result2);
  }
  return result2;
}
var FIRST_PICK = { cloudflare: "random steering" };
function pickFresh(ctx2, why, issue, verb) {
  const srv = ctx2.firstPick();
  if (!srv) return ctx2.none(why);
  const name2 = ctx2.s.config.cookie.name;
  const how = verb ?? `${FIRST_PICK[ctx2.s.config.lb] ?? "round robin"} \u2192`;
  return {
    server: srv.id,
    decision: issue ? `${why} \u2192 ${how} ${srv.id} \xB7 set ${name2}=${srv.id}` : `${why} \u2192 ${srv.id}`,
    ...issue ? { affinity: { server: srv.id, issued: true } } : {}
  };
}

// src/sim/nginx/crc32.ts
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

// src/sim/nginx/ip.ts
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

// src/sim/nginx/duration.ts
var UNIT_SECONDS = {
  y: 365 * 86400,
  M: 30 * 86400,
  w: 7 * 86400,
  d: 86400,
  h: 3600,
  m: 60,
  s: 1
};

// src/sim/nginx/peerView.ts
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

// src/sim/nginx/weightSlot.ts
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

// src/sim/nginx/roundRobin.ts
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
  const name2 = servers[best]?.name ?? String(best);
  return { index: best, explain: [explainLine("round-robin", `round robin picks ${name2}`, best)] };
}

// src/sim/nginx/ipHash.ts
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
    const name2 = servers[index]?.name ?? String(index);
    const subject = req.bytes.length === 3 ? `${req.label}.x` : req.label;
    const mixed = before === IP_HASH_INIT ? `hash(${subject}) = ${hash2}` : `hash again = ${hash2}`;
    explain.push(explainLine("hash", `${mixed} \u2192 weight slot ${hash2} mod ${total} = ${slot} \u2192 ${name2}`, index));
    const reason = skipReason(view, tried, index);
    if (reason === null) {
      req.hash = hash2;
      view.onSelected?.(index);
      return { kind: "picked", index };
    }
    explain.push(explainLine("skip", `${name2} ${skipText(reason)} \u2192 hash again`, index));
    if (++req.tries > MAX_HASH_TRIES) return { kind: "round-robin" };
  }
}

// src/sim/nginx/hash.ts
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
    const name2 = servers[index]?.name ?? String(index);
    const sum = req.rehash > 1 ? `, sum ${req.sum}` : "";
    explain.push(explainLine("hash", `crc32("${hashed}") \u2192 ${slice}${sum} \u2192 weight slot ${req.sum} mod ${total} = ${slot} \u2192 ${name2}`, index));
    const reason = skipReason(view, tried, index);
    if (reason === null) {
      view.onSelected?.(index);
      return { kind: "picked", index };
    }
    explain.push(explainLine("skip", `${name2} ${skipText(reason)} \u2192 rehash`, index));
    if (++req.tries > MAX_HASH_TRIES) return { kind: "round-robin" };
  }
}

// src/sim/nginx/consistentHash.ts
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
    const name2 = ring.names[at2];
    const owners = [];
    servers.forEach((s, i) => {
      if (s.name === name2) owners.push(i);
    });
    const where2 = !req.started ? "first ring point \u2265 it: " : first ? "" : "next point clockwise: ";
    req.started = true;
    explain.push(explainLine("ring", `${where2}point #${at2} of ${size} (${hex2(ring.hashes[at2])}) \u2192 ${name2}`, owners[0] ?? null));
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
      if (reason) explain.push(explainLine("skip", `${name2} ${skipText(reason)}`, i));
    }
    req.point++;
    if (++req.tries > MAX_HASH_TRIES) return { kind: "round-robin" };
  }
}

// src/sim/nginx/picker.ts
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

// src/sim/servers.ts
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
    fresh: status !== "up",
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
function liveSessionCount(s, srv) {
  let n = 0;
  for (const session of srv.memory.values()) if (isLive(session, s.now, s.config.sessionIdleMs)) n += 1;
  return n;
}

// src/sim/policies/nginxUpstream.ts
var upstreams = /* @__PURE__ */ new Map();
function upstreamOf(s) {
  const live = s.servers.filter((srv) => srv.status !== "removed" && !(srv.fresh && srv.status === "starting"));
  const { maxFails, failTimeoutMs } = s.config.passive;
  const signature = `${maxFails}/${failTimeoutMs}|${live.map((srv) => `${srv.address}*${srv.weight}${srv.status === "draining" ? " down" : ""}`).join(",")}`;
  let up = upstreams.get(signature);
  if (!up) {
    if (upstreams.size > 256) upstreams.clear();
    up = {
      servers: live.map((srv) => ({ name: srv.address, weight: srv.weight, down: srv.status === "draining", maxFails, failTimeoutMs })),
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
  if (choice.index === null) return { ...ctx2.none(label), explain };
  const id = up.ids[choice.index];
  if (choice.via === "round-robin") return { server: id, decision: `${label} \u2192 round robin \u2192 ${id}`, explain };
  const skipped = choice.explain.find((st) => st.kind === "skip" && st.server !== null);
  const first = skipped?.server != null ? up.ids[skipped.server] : void 0;
  const decision = first ? `${label} \u2192 ${first} is unavailable \u2192 next choice ${id}` : `${label} \u2192 ${id}`;
  return { server: id, decision, explain };
}

// src/sim/policies/hash.ts
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

// src/sim/policies/hashConsistent.ts
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

// src/sim/policies/header.ts
var header = {
  id: "header",
  label: "Header affinity",
  sticky: true,
  describe: (c) => `hash of the ${c.header.name} header (${c.header.source === "gateway" ? "injected by a trusted gateway" : "as sent by the client \u2014 forgeable"})`,
  route(ctx2) {
    const name2 = ctx2.s.config.header.name;
    const value = headerValue(ctx2.s, ctx2.user);
    return nginxPick(ctx2, "hash-consistent", value, value ? `${name2}: ${value}` : `no ${name2}`);
  }
};
function headerValue(s, user) {
  const identity = `user-${user.id}`;
  if (s.config.header.source === "gateway") return identity;
  return user.forgedHeader ?? identity;
}
function forgeValueFor(s, target, pick) {
  if (pick) {
    for (let n = 0; n < 1e4; n++) if (pick(`evil-${n}`) === target) return `evil-${n}`;
    return "evil-0";
  }
  const up = upstreamOf(s);
  const ring = ringFor(up.servers);
  for (let n = 0; n < 1e4; n++) {
    const value = `evil-${n}`;
    const choice = createPicker("hash-consistent", { servers: up.servers, isFailed: () => false }, value, { current: up.servers.map(() => 0), effective: up.servers.map((x) => x.weight) }, ring).next();
    if (choice.index !== null && up.ids[choice.index] === target) return value;
  }
  return "evil-0";
}

// src/sim/policies/ipHash.ts
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

// src/sim/policies/leastConnections.ts
var leastConnections = {
  id: "least-connections",
  label: "Least connections",
  sticky: false,
  describe: () => "least connections: the server with the fewest requests in flight",
  route(ctx2) {
    const candidates = ctx2.candidates();
    if (candidates.length === 0) return ctx2.none();
    let best = Infinity;
    for (const srv of candidates) best = Math.min(best, (srv.busy + srv.queue.length) / srv.weight);
    const tied = candidates.filter((srv) => (srv.busy + srv.queue.length) / srv.weight === best);
    const chosen = ctx2.roundRobin(tied) ?? tied[0];
    return { server: chosen.id, decision: `fewest in flight (${best}) \u2192 ${chosen.id}` };
  }
};

// src/sim/policies/random.ts
var random = {
  id: "random",
  label: "Random",
  sticky: false,
  describe: () => "random: any healthy server, uniformly",
  route(ctx2) {
    const candidates = ctx2.candidates();
    if (candidates.length === 0) return ctx2.none();
    const srv = candidates[Math.floor(ctx2.random() * candidates.length)];
    return { server: srv.id, decision: `random \u2192 ${srv.id}` };
  }
};

// src/sim/policies/roundRobin.ts
var roundRobin = {
  id: "round-robin",
  label: "Round robin",
  sticky: false,
  describe: () => "round robin: each request to the next server in turn",
  route(ctx2) {
    const srv = ctx2.roundRobin();
    if (!srv) return ctx2.none();
    return { server: srv.id, decision: `round robin \u2192 ${srv.id}` };
  }
};

// src/sim/policies/registry.ts
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

// src/sim/products/engine/behaviour.ts
function isIdempotent(req) {
  return req.kind === "landing" || req.kind === "browse";
}
function configured(srv) {
  return srv.status !== "removed" && srv.status !== "draining";
}
function idle(srv) {
  return srv.busy === 0 && srv.queue.length === 0;
}

// src/sim/products/engine/alb.ts
var albBehaviour = {
  id: "alb",
  activeChecks: true,
  passive: false,
  usable: (_, srv) => configured(srv) && srv.healthy,
  pinnable: (_, srv) => configured(srv) && srv.healthy,
  fallback: (s) => s.servers.filter(configured),
  noServer: (why) => ({ server: null, decision: `${why ? `${why} \u2192 ` : ""}no registered target \u2192 503`, status: 503 }),
  refused: (_, req) => ({ fail: 502, words: `${req.server} refused the connection \u2192 502 (an ALB does not retry)` }),
  died: (_, req) => ({ fail: 502, words: `${req.server} closed the connection \u2192 502` }),
  drained: (_, srv) => idle(srv),
  started(s, srv) {
    if (srv.fresh) {
      srv.healthy = false;
      srv.probeOks = Math.max(0, s.config.health.healthyThreshold - 1);
    }
    return false;
  }
};

// src/sim/products/engine/cloudflare.ts
var HEADER_TTL_MS = 18e5;
var cloudflareBehaviour = {
  id: "cloudflare",
  activeChecks: true,
  passive: false,
  usable: (_, srv) => configured(srv) && srv.healthy,
  pinnable: (s, srv) => srv.status !== "removed" && srv.healthy && (srv.status !== "draining" || s.now < srv.drainDeadline),
  fallback: (s) => s.servers.filter(configured),
  noServer: (why) => ({ server: null, decision: `${why ? `${why} \u2192 ` : ""}no endpoint enabled \u2192 530`, status: 530 }),
  refused(s, req) {
    const server = req.server;
    if (req.refused.length > 1) return { fail: 521, words: `${server} refused \u2192 521 (zero-downtime failover retries once)` };
    if (req.pinned && s.config.failover === "fail") return { fail: 521, words: `${server} refused \u2192 521 (pinned session, zero_downtime_failover: none)` };
    const other = s.servers.some((x) => configured(x) && x.healthy && !req.refused.some((h) => h.server === x.id));
    if (!other) return { fail: 521, words: `${server} refused \u2192 521 (no other healthy endpoint)` };
    return { retry: "route", delayMs: 0, words: `${server} refused (521) \u2192 zero-downtime failover: one retry` };
  },
  died: (_, req) => ({ fail: 520, words: `${req.server} died while serving \u2192 520 (not retried)` }),
  drained: (s, srv) => idle(srv) && liveSessionCount(s, srv) === 0,
  started(_, srv) {
    srv.fresh = false;
    return false;
  },
  route: (ctx2, policy) => policy === "header" ? routeHeader(ctx2) : null
};
function routeHeader(ctx2) {
  const { s, user } = ctx2;
  const name2 = s.config.header.name;
  const value = headerValue(s, user);
  const entry = s.lb.headerTable.get(value);
  const fresh = entry !== void 0 && s.now - entry.lastSeen < HEADER_TTL_MS;
  if (entry && fresh && ctx2.canUse(entry.server, true)) {
    mutLb(s).headerTable.set(value, { server: entry.server, lastSeen: s.now });
    return { server: entry.server, decision: `${name2}: ${value} is in Cloudflare's session table \u2192 ${entry.server}`, pinned: true };
  }
  const srv = ctx2.firstPick();
  if (!srv) return cloudflareBehaviour.noServer(`${name2}: ${value}`);
  mutLb(s).headerTable.set(value, { server: srv.id, lastSeen: s.now });
  const why = entry === void 0 ? "new session" : fresh ? `${entry.server} is unhealthy` : "session idle past 1800 s";
  return { server: srv.id, decision: `${name2}: ${value}, ${why} \u2192 random steering \u2192 ${srv.id}` };
}

// src/sim/haproxy/hash.ts
var encoder4 = new TextEncoder();
var utf8 = (text) => encoder4.encode(text);
function hashSdbm(bytes) {
  let h = 0;
  for (let i = 0; i < bytes.length; i++) h = bytes[i] + (h << 6) + (h << 16) - h >>> 0;
  return h;
}
function hashDjb2(bytes) {
  let h = 5381;
  for (let i = 0; i < bytes.length; i++) h = (h << 5) + h + bytes[i] >>> 0;
  return h;
}
var rotl = (x, n) => (x << n | x >>> 32 - n) >>> 0;
function hashWt6(bytes) {
  let h0 = 2772211290;
  let h1 = 1554421050;
  let step0 = 6;
  let step1 = 18;
  for (let i = 0; i < bytes.length; i++) {
    let t = bytes[i];
    h0 = ~(h0 ^ t) >>> 0;
    h1 = ~(h1 + t) >>> 0;
    t = rotl(h1, step0);
    h1 = rotl(h0, step1);
    h0 = t;
    t = (h0 >>> 16 ^ h1) & 65535;
    step0 = t & 31;
    step1 = t >>> 11;
  }
  return (h0 ^ h1) >>> 0;
}
function hashCrc32(bytes) {
  let h = 4294967295;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    for (let bit = 0; bit < 8; bit++) h = h >>> 1 ^ (h & 1 ? 3988292384 : 0);
  }
  return ~h >>> 0;
}
function genHash(fn, bytes) {
  switch (fn) {
    case "sdbm":
      return hashSdbm(bytes);
    case "djb2":
      return hashDjb2(bytes);
    case "wt6":
      return hashWt6(bytes);
    case "crc32":
      return hashCrc32(bytes);
  }
}
function fullHash(input) {
  let a = input >>> 0;
  a = a + 2127912214 + (a << 12) >>> 0;
  a = (a ^ 3345072700 ^ a >>> 19) >>> 0;
  a = a + 374761393 + (a << 5) >>> 0;
  a = (a + 3550635116 ^ a << 9) >>> 0;
  a = a + 4251993797 + (a << 3) >>> 0;
  a = (a ^ 3042594569 ^ a >>> 16) >>> 0;
  return Math.imul(a, 3221225473) >>> 0;
}

// src/sim/haproxy/view.ts
function isUsable(view, i) {
  const s = view.servers[i];
  return s !== void 0 && s.weight > 0 && s.state === "ready" && !view.down.has(i);
}
function usableIndices(view) {
  const out = [];
  for (let i = 0; i < view.servers.length; i++) if (isUsable(view, i)) out.push(i);
  return out;
}

// src/sim/haproxy/mapBased.ts
function weightGcd(servers) {
  let gcd = 0;
  for (const s of servers) {
    if (s.weight === 0) continue;
    if (gcd === 0) {
      gcd = s.weight;
      continue;
    }
    if (gcd === 1) break;
    let a = gcd;
    let b = s.weight;
    while (b) [a, b] = [b, a % b];
    gcd = a;
  }
  return gcd === 0 ? 1 : gcd;
}
function mapWeights(servers) {
  const gcd = weightGcd(servers);
  return servers.map((s) => Math.ceil(s.weight / gcd));
}
function buildMap(view) {
  const eweights = mapWeights(view.servers);
  const usable2 = usableIndices(view);
  const tot = usable2.reduce((sum, i) => sum + eweights[i], 0);
  const map = [];
  if (tot === 0) return map;
  const wscore = new Map(usable2.map((i) => [i, 0]));
  for (let o = 0; o < tot; o++) {
    let best = -1;
    let max = 0;
    for (const i of usable2) {
      if (tot === 1) {
        best = i;
        break;
      }
      const score = wscore.get(i) + eweights[i];
      wscore.set(i, score);
      const v = Math.trunc((score + tot) / tot);
      if (best < 0 || v > max) {
        max = v;
        best = i;
      }
    }
    map.push(best);
    wscore.set(best, wscore.get(best) - tot);
  }
  return map;
}
var createMapRrState = () => ({ idx: 0 });
function mapNextRr(map, rr, avoid) {
  const tot = map.length;
  if (tot === 0) return null;
  if (rr.idx < 0 || rr.idx >= tot) rr.idx = 0;
  let idx = rr.idx;
  do {
    const srv = map[idx++];
    if (srv !== avoid) {
      rr.idx = idx;
      return srv;
    }
    if (idx === tot) idx = 0;
  } while (idx !== rr.idx);
  if (rr.idx === 0) rr.idx = tot;
  return avoid;
}

// src/sim/haproxy/chash.ts
var WEIGHT_SCALE = 16;
var EWGHT_RANGE = 4096;
function pointKey(id, n) {
  return fullHash(Math.imul(id, EWGHT_RANGE) + n >>> 0);
}
var RingCollisionError = class extends Error {
};
function checkRingIds(servers) {
  const seen = /* @__PURE__ */ new Map();
  for (const s of servers) {
    const slot = s.id % 1048576;
    const other = seen.get(slot);
    if (other !== void 0) {
      throw new RingCollisionError(`servers ${other} and ${s.name} have ids that differ by a multiple of 1048576: their ring points collide`);
    }
    seen.set(slot, s.name);
  }
}
function buildRing2(view) {
  checkRingIds(view.servers);
  const points = [];
  for (const i of usableIndices(view)) {
    const s = view.servers[i];
    for (let n = 0; n < s.weight * WEIGHT_SCALE; n++) points.push({ key: pointKey(s.id, n), owner: i, node: n });
  }
  points.sort((a, b) => a.key - b.key);
  return { keys: points.map((p) => p.key), owners: points.map((p) => p.owner), nodes: points.map((p) => p.node) };
}
function lookupGe(ring, hash2) {
  let lo = 0;
  let hi = ring.keys.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (ring.keys[mid] < hash2) lo = mid + 1;
    else hi = mid;
  }
  return lo < ring.keys.length ? lo : -1;
}
function ringLookup(ring, hash2, avoid) {
  const size = ring.keys.length;
  if (size === 0) return null;
  let next = lookupGe(ring, hash2);
  if (next < 0) next = 0;
  const prev = next > 0 ? next - 1 : size - 1;
  const dp = hash2 - ring.keys[prev] >>> 0;
  const dn = ring.keys[next] - hash2 >>> 0;
  let at2 = dp <= dn ? prev : next;
  let walked = 0;
  let loop = 0;
  while (ring.owners[at2] === avoid) {
    at2++;
    walked++;
    if (at2 === size) {
      at2 = 0;
      if (++loop > 1) break;
    }
  }
  return { point: at2, server: ring.owners[at2], next, prev, walked };
}
var createChashRrState = () => ({ last: null });
function ringNextRr(ring, rr, avoid) {
  const size = ring.keys.length;
  if (size === 0) return null;
  let start = -1;
  if (rr.last) {
    const ge = lookupGe(ring, rr.last.key);
    start = ge < 0 ? 0 : ge;
  }
  const stop = start;
  let node = start;
  let avoided = null;
  let avoidedNode = -1;
  for (let first = true; first || node !== stop; first = false) {
    node = node + 1 >= size || node < 0 ? 0 : node + 1;
    const s = ring.owners[node];
    rr.last = { key: ring.keys[node], owner: s };
    if (s !== avoid) return s;
    avoided = s;
    avoidedNode = node;
    if (stop < 0 && node === size - 1) break;
  }
  if (avoidedNode >= 0) rr.last = { key: ring.keys[avoidedNode], owner: avoided };
  return avoided;
}

// src/sim/haproxy/balance.ts
function createLb(view, balance, hashType) {
  const consistent = hashType.type === "consistent";
  return {
    view,
    balance,
    hashType,
    used: usableIndices(view).length,
    map: consistent ? [] : buildMap(view),
    ring: consistent ? buildRing2(view) : null
  };
}
var createRrState = () => ({ map: createMapRrState(), chash: createChashRrState() });
var hex3 = (n) => `0x${(n >>> 0).toString(16).padStart(8, "0")}`;
function sourceKey(addr) {
  let h = 0;
  for (let l = 0; l + 4 <= addr.length; l += 4) {
    h ^= (addr[l] << 24 | addr[l + 1] << 16 | addr[l + 2] << 8 | addr[l + 3]) >>> 0;
  }
  return h >>> 0;
}
var isLws = (c) => c === " " || c === "	" || c === "\r" || c === "\n";
function firstHeaderValue(values) {
  const v = values?.[0];
  if (v === void 0) return null;
  let s = 0;
  while (s < v.length && isLws(v[s])) s++;
  let e = s;
  let quoted = false;
  let pair = false;
  for (; e < v.length; e++) {
    const c = v[e];
    if (pair) pair = false;
    else if (quoted) {
      if (c === "\\") pair = true;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ",") break;
  }
  while (e > s && isLws(v[e - 1])) e--;
  return v.slice(s, e);
}
function name(lb, i) {
  const s = lb.view.servers[i];
  return s ? `${s.name} (id ${s.id})` : String(i);
}
function requestHash(lb, input, steps) {
  if (lb.used === 1) {
    steps.push("only one usable server: no hashing (hash 0)");
    return 0;
  }
  let h;
  if (lb.balance.kind === "source") {
    const src = input.src;
    if (!src || src.length !== 4 && src.length !== 16) throw new RangeError("balance source needs a 4- or 16-byte client address");
    h = sourceKey(src);
    steps.push(src.length === 4 ? `source address as a 32-bit number = ${hex3(h)}` : `the IPv6 address's four 32-bit words XORed = ${hex3(h)}`);
  } else {
    const value = firstHeaderValue(input.headers);
    if (value === null || value === "") {
      steps.push(`${lb.balance.header} ${value === null ? "absent" : "empty"} \u2192 round robin`);
      return null;
    }
    h = genHash(lb.hashType.fn, utf8(value));
    steps.push(`${lb.hashType.fn}("${value}") = ${hex3(h)}`);
  }
  if (lb.hashType.avalanche) {
    h = fullHash(h);
    steps.push(`avalanche \u2192 ${hex3(h)}`);
  }
  return h;
}
function balancePick(lb, input, rr, avoid = null) {
  const steps = [];
  const total = lb.ring ? lb.ring.keys.length : lb.map.length;
  if (total === 0) {
    steps.push("no usable server");
    return { server: null, steps };
  }
  const h = requestHash(lb, input, steps);
  if (h === null) {
    const server = lb.ring ? ringNextRr(lb.ring, rr.chash, avoid) : mapNextRr(lb.map, rr.map, avoid);
    if (server !== null) steps.push(`round robin \u2192 ${name(lb, server)}`);
    return { server, steps };
  }
  if (!lb.ring) {
    const slot = h % lb.map.length;
    const server = lb.map[slot];
    steps.push(`map slot ${hex3(h)} mod ${lb.map.length} = ${slot} \u2192 ${name(lb, server)}`);
    return { server, steps };
  }
  const ring = lb.ring;
  const pick = ringLookup(ring, h, avoid);
  if (!pick) return { server: null, steps };
  const point = (i) => `${hex3(ring.keys[i])} (${name(lb, ring.owners[i])} point ${ring.nodes[i]})`;
  const chosen = pick.walked > 0 ? (pick.point - pick.walked + ring.keys.length * 2) % ring.keys.length : pick.point;
  steps.push(`ring of ${ring.keys.length} points: between ${point(pick.prev)} and ${point(pick.next)}, nearer ${point(chosen)}`);
  if (pick.walked > 0) steps.push(`skip ${name(lb, avoid)}: walk ${pick.walked} point(s) clockwise \u2192 ${point(pick.point)}`);
  return { server: pick.server, steps };
}

// src/sim/haproxy/cookieDate.ts
var TABLE2 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function s30tob64(value) {
  let out = "";
  let v = value | 0;
  for (let i = 0; i < 5; i++) {
    out += TABLE2[v >> 24 & 63];
    v = v << 6 | 0;
  }
  return out;
}
function b64tos30(text) {
  if (text.length < 5) return -1;
  let out = 0;
  for (let i = 0; i < 5; i++) {
    const d = TABLE2.indexOf(text[i]);
    if (d < 0) return -1;
    out = (out << 6) + d;
  }
  return out;
}
var encodeDate = (nowSec) => s30tob64(nowSec + 3 >> 2);

// src/sim/haproxy/cookie.ts
function readCookie(cfg, value, nowSec) {
  if (value === null) return { serverPart: null, lastDate: 0, firstDate: 0, verdict: "absent" };
  let serverPart = value;
  let lastDate = 0;
  let firstDate = 0;
  const bar = value.indexOf("|");
  if (bar >= 0) {
    serverPart = value.slice(0, bar);
    const rest = value.slice(bar + 1);
    if (rest.length >= 5) {
      const v = b64tos30(rest);
      if (v > 0) lastDate = v << 2;
    }
    const bar2 = rest.indexOf("|");
    if (bar2 >= 0 && rest.length - bar2 > 5) {
      const v = b64tos30(rest.slice(bar2 + 1));
      if (v > 0) firstDate = v << 2;
    }
  }
  const signed = (n) => n | 0;
  if (firstDate && cfg.maxlife && (signed(nowSec - firstDate) > cfg.maxlife || signed(firstDate - nowSec) > 86400)) {
    return { serverPart: null, lastDate: 0, firstDate: 0, verdict: "old" };
  }
  if (lastDate && cfg.maxidle && (signed(nowSec - lastDate) > cfg.maxidle || signed(lastDate - nowSec) > 86400)) {
    return { serverPart: null, lastDate: 0, firstDate: 0, verdict: "expired" };
  }
  return { serverPart, lastDate, firstDate, verdict: "read" };
}
function setCookieHeader(cfg, input) {
  const { server, direct, read, nowSec, method } = input;
  if (cfg.postonly && method !== "POST") return null;
  const { lastDate, firstDate } = read;
  const refresh = !direct || (cfg.maxidle !== 0 || lastDate !== 0) && (lastDate === 0 || (lastDate - nowSec | 0) < 0) || cfg.maxlife !== 0 && firstDate === 0 || cfg.maxlife === 0 && firstDate !== 0;
  if (!refresh) return null;
  let text;
  if (server.cookie === null) {
    text = `${cfg.name}=; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/`;
  } else {
    text = `${cfg.name}=${server.cookie}`;
    if (cfg.maxidle || cfg.maxlife) {
      text += `|${encodeDate(nowSec)}`;
      if (cfg.maxlife) text += `|${firstDate ? s30tob64(firstDate >> 2) : encodeDate(nowSec)}`;
    }
    text += "; path=/";
  }
  if (cfg.domains.length > 0) text += `; domain=${cfg.domains.join("; domain=")}`;
  if (cfg.httponly) text += "; HttpOnly";
  if (cfg.secure) text += "; Secure";
  if (cfg.attrs.length > 0) text += `; ${cfg.attrs.join("; ")}`;
  return text;
}

// src/sim/products/engine/haproxy.ts
var RETRIES = 3;
var RETRY_DELAY_MS = 1e3;
var booting = (srv) => srv.fresh && srv.status === "starting";
var usable = (srv) => srv.status !== "removed" && srv.status !== "draining" && !booting(srv) && srv.healthy;
var running = (srv) => srv.status !== "removed" && !booting(srv) && srv.healthy;
var RR_POLICIES = /* @__PURE__ */ new Set(["round-robin", "cookie", "client-ip"]);
var haproxyBehaviour = {
  id: "haproxy",
  activeChecks: true,
  passive: false,
  usable: (_, srv) => usable(srv),
  pinnable: (_, srv) => running(srv),
  fallback: () => [],
  noServer: (why) => ({ server: null, decision: `${why ? `${why} \u2192 ` : ""}no server available \u2192 503`, status: 503 }),
  refused(s, req) {
    const server = req.server;
    const failed = req.refused.length;
    if (failed > RETRIES) return { fail: 503, words: `${server} refused, retries ${RETRIES} used up \u2192 503` };
    const srv = s.servers[serverIndex(server)];
    const active = s.servers.filter(usable).length;
    const rr = RR_POLICIES.has(s.config.policy);
    const redispatch = s.config.failover === "repin" && (!running(srv) || failed % RETRIES === 0 || !req.pinned && active > 1 && rr);
    if (!redispatch) return { retry: "same", delayMs: RETRY_DELAY_MS, words: `${server} refused, retry ${failed}/${RETRIES} in 1 s` };
    return { retry: "balance", delayMs: rr && active > 1 ? 0 : RETRY_DELAY_MS, words: `${server} refused, retry ${failed}/${RETRIES} \u2192 redispatch` };
  },
  died: (_, req) => ({ fail: 502, words: `${req.server} died while serving \u2192 502 (only failed connections are retried)` }),
  // The lab's deploy script waits until a draining server holds no live session, or the drain timeout.
  drained: (s, srv) => idle(srv) && liveSessionCount(s, srv) === 0,
  started(s, srv) {
    if (!srv.fresh) return false;
    srv.fresh = false;
    srv.healthy = true;
    srv.probeOks = 0;
    srv.probeFails = Math.max(0, s.config.health.unhealthyThreshold - 1);
    return true;
  },
  route(ctx2, policy) {
    switch (policy) {
      case "cookie":
        return routeCookie(ctx2);
      case "ip-hash":
        return routeHash(ctx2, { kind: "source" }, MAP_BASED);
      case "header":
        return routeHash(ctx2, { kind: "hdr", header: ctx2.s.config.header.name }, CONSISTENT);
      case "client-ip":
        return routeStick(ctx2);
      default:
        return null;
    }
  }
};
var MAP_BASED = { type: "map-based", fn: "sdbm", avalanche: false };
var CONSISTENT = { type: "consistent", fn: "sdbm", avalanche: true };
function stateOf(srv) {
  if (booting(srv)) return "maint";
  return srv.status === "draining" ? "drain" : "ready";
}
function backendOf(s) {
  const servers = [];
  const ids = [];
  const down = /* @__PURE__ */ new Set();
  for (const srv of s.servers) {
    if (srv.status === "removed") continue;
    if (!srv.healthy && !booting(srv)) down.add(servers.length);
    servers.push({ name: srv.id, address: srv.address, weight: srv.weight, id: serverIndex(srv.id) + 1, explicitId: true, state: stateOf(srv), cookie: srv.id });
    ids.push(srv.id);
  }
  return { servers, ids, down };
}
var lbs = /* @__PURE__ */ new Map();
function lbFor(b, balance, hashType) {
  const key = `${balance.kind}|${hashType.type}|${b.servers.map((x) => `${x.id}*${x.weight}:${x.state}`).join(",")}|${[...b.down].join(",")}`;
  let lb = lbs.get(key);
  if (!lb) {
    if (lbs.size > 256) lbs.clear();
    lb = createLb({ servers: b.servers, down: b.down }, balance, hashType);
    lbs.set(key, lb);
  }
  return lb;
}
var plain = (step) => step.replace(/ \(id \d+\)/g, "");
function routeHash(ctx2, balance, hashType) {
  const { s, user } = ctx2;
  const b = backendOf(s);
  const lb = lbFor(b, balance, hashType);
  const last = ctx2.tried[ctx2.tried.length - 1];
  const avoid = ctx2.redispatch && last !== void 0 ? b.ids.indexOf(last) : -1;
  const input = balance.kind === "source" ? { src: parseIp(user.ip).bytes } : { headers: [headerValue(s, user)] };
  const pick = balancePick(lb, input, createRrState(), avoid >= 0 ? avoid : null);
  const label = balance.kind === "source" ? `balance source (${user.ip})` : `balance hdr(${balance.header}): ${input.headers?.[0] ?? ""}`;
  const explain = pick.steps.map(plain);
  if (pick.server === null) return { ...haproxyBehaviour.noServer(label), explain };
  const id = b.ids[pick.server];
  return { server: id, decision: `${label} \u2192 ${id}`, explain };
}
function haproxyHeaderPick(s, value) {
  const b = backendOf(s);
  const pick = balancePick(lbFor(b, { kind: "hdr", header: s.config.header.name }, CONSISTENT), { headers: [value] }, createRrState());
  return pick.server === null ? null : b.ids[pick.server];
}
function cookieConfig(c) {
  if (c.cookie === lastCookie && lastConfig) return lastConfig;
  let cfg = cookieConfigs.get(c.cookie);
  if (!cfg) cookieConfigs.set(c.cookie, cfg = buildCookieConfig(c));
  lastCookie = c.cookie;
  lastConfig = cfg;
  return cfg;
}
var cookieConfigs = /* @__PURE__ */ new WeakMap();
var lastCookie = null;
var lastConfig = null;
function buildCookieConfig(c) {
  const ttl = Math.ceil(c.cookie.ttlMs / 1e3);
  return {
    name: c.cookie.name,
    indirect: true,
    nocache: true,
    postonly: false,
    httponly: false,
    secure: false,
    domains: [],
    attrs: [],
    maxidle: c.cookie.mode === "sliding" ? ttl : 0,
    maxlife: c.cookie.mode === "fixed" ? ttl : 0
  };
}
var ABSENT = { serverPart: null, lastDate: 0, firstDate: 0, verdict: "absent" };
var valueOf = (setCookie, name2) => setCookie.slice(name2.length + 1, setCookie.indexOf(";"));
function routeCookie(ctx2) {
  const { s, user } = ctx2;
  const cfg = cookieConfig(s.config);
  const name2 = cfg.name;
  const nowSec = Math.floor(s.now / 1e3);
  const method = isIdempotent(ctx2) ? "GET" : "POST";
  if (s.config.canaryPercent > 0 && ctx2.random() * 100 < s.config.canaryPercent) {
    const srv2 = ctx2.roundRobin();
    if (!srv2) return haproxyBehaviour.noServer(`canary (${s.config.canaryPercent}% without affinity)`);
    return { server: srv2.id, decision: `canary (${s.config.canaryPercent}% without affinity) \u2192 ${srv2.id}` };
  }
  const jar = user.jar.affinity;
  if (jar && !ctx2.redispatch && cfg.maxidle === 0 && cfg.maxlife === 0 && (jar.value === null || jar.value === jar.server) && ctx2.canUse(jar.server, true)) {
    return followed2(name2, jar.server);
  }
  let read = ABSENT;
  let why = ctx2.redispatch ? `away from ${ctx2.tried[ctx2.tried.length - 1] ?? "?"}` : `no ${name2} cookie`;
  if (jar && !ctx2.redispatch) {
    read = readCookie(cfg, jar.value ?? jar.server, nowSec);
    if (read.verdict === "expired") why = `${name2} idle longer than maxidle ${cfg.maxidle}s: ignored`;
    else if (read.verdict === "old") why = `${name2} older than maxlife ${cfg.maxlife}s: ignored`;
    else {
      const part = read.serverPart ?? "";
      const target = s.servers.find((x) => x.id === part);
      if (target && ctx2.canUse(target.id, true)) {
        const set2 = setCookieHeader(cfg, { server: backendServer(target), direct: true, read, nowSec, method });
        const affinity = set2 === null ? { server: target.id, issued: false } : { server: target.id, issued: true, value: valueOf(set2, name2) };
        return { server: target.id, decision: `${name2}=${part} \u2192 ${part}${set2 === null ? "" : ` \xB7 Set-Cookie ${name2}=${affinity.value ?? part}`}`, pinned: true, affinity };
      }
      why = target === void 0 || target.status === "removed" ? `${name2}=${part} names no server` : `${name2}=${part} names a ${downWord(target)} server`;
    }
  }
  const srv = ctx2.roundRobin();
  if (!srv) return haproxyBehaviour.noServer(why);
  const set = setCookieHeader(cfg, { server: backendServer(srv), direct: false, read, nowSec, method });
  const value = valueOf(set, name2);
  return { server: srv.id, decision: `${why} \u2192 balance roundrobin \u2192 ${srv.id}, new cookie ${name2}=${value}`, affinity: { server: srv.id, issued: true, value } };
}
var follows = /* @__PURE__ */ new Map();
function followed2(name2, server) {
  let byServer = follows.get(name2);
  if (!byServer) follows.set(name2, byServer = /* @__PURE__ */ new Map());
  let r = byServer.get(server);
  if (!r) byServer.set(server, r = { server, decision: `${name2}=${server} \u2192 ${server}`, pinned: true, affinity: { server, issued: false } });
  return r;
}
function downWord(srv) {
  if (booting(srv)) return "maint";
  return srv.healthy ? "refusing" : "DOWN";
}
function backendServer(srv) {
  return { name: srv.id, address: srv.address, weight: srv.weight, id: serverIndex(srv.id) + 1, explicitId: true, state: stateOf(srv), cookie: srv.id };
}
function routeStick(ctx2) {
  const { s, user } = ctx2;
  const entry = s.lb.clientIp.get(user.ip);
  const fresh = entry !== void 0 && s.now - entry.lastSeen < s.config.clientIpTimeoutMs;
  if (!ctx2.redispatch && entry && fresh && ctx2.canUse(entry.server, true)) {
    mutLb(s).clientIp.set(user.ip, { server: entry.server, lastSeen: s.now });
    return { server: entry.server, decision: `stick table: ${user.ip} \u2192 ${entry.server}`, pinned: true };
  }
  const why = ctx2.redispatch ? `away from ${ctx2.tried[ctx2.tried.length - 1] ?? "?"}` : entry === void 0 ? `${user.ip} not in the stick table` : fresh ? `stick entry names ${entry.server}, which is DOWN` : "stick entry expired";
  const srv = ctx2.roundRobin();
  if (!srv) return haproxyBehaviour.noServer(why);
  mutLb(s).clientIp.set(user.ip, { server: srv.id, lastSeen: s.now });
  return { server: srv.id, decision: `${why} \u2192 balance roundrobin \u2192 ${srv.id} \xB7 stored for ${user.ip}` };
}

// src/sim/products/engine/kubeProxy.ts
var KEEPALIVE_MS = 5e3;
var kubeProxyBehaviour = {
  id: "kube-proxy",
  activeChecks: true,
  passive: false,
  usable: (_, srv) => configured(srv) && srv.healthy,
  pinnable: (_, srv) => configured(srv) && srv.healthy,
  fallback: (s) => s.servers.filter((srv) => srv.status === "draining" && accepts(srv)),
  noServer: (why) => ({ server: null, decision: `${why ? `${why} \u2192 ` : ""}no ready endpoint \u2192 connection refused`, status: 0 }),
  refused(s, req) {
    dropConnection(s, req.user);
    return { fail: 0, words: `pod ${req.server} refused the connection (kube-proxy does not retry)` };
  },
  died(s, req) {
    dropConnection(s, req.user);
    return { fail: 0, words: `pod ${req.server} died: connection reset` };
  },
  drained: (_, srv) => idle(srv),
  started(_, srv) {
    srv.fresh = false;
    return false;
  },
  route: routeConnection
};
function routeConnection(ctx2, policy) {
  const { s, user } = ctx2;
  const conn = s.lb.conns.get(user.id);
  if (conn && s.now - conn.lastUsed <= KEEPALIVE_MS && !ctx2.tried.includes(conn.server)) {
    mutLb(s).conns.set(user.id, { server: conn.server, lastUsed: s.now });
    return { server: conn.server, decision: `keep-alive connection to pod ${conn.server} \u2192 ${conn.server}`, pinned: true };
  }
  const why = conn === void 0 ? "new connection" : conn.lastUsed + KEEPALIVE_MS < s.now ? "connection closed after 5 s idle; new connection" : "new connection";
  const result2 = policyById(policy).route(ctx2);
  if (result2.server === null) return result2;
  mutLb(s).conns.set(user.id, { server: result2.server, lastUsed: s.now });
  return { ...result2, decision: `${why}: ${result2.decision}` };
}
function touchConnection(s, user, server) {
  const conn = s.lb.conns.get(user);
  if (conn && conn.server === server) mutLb(s).conns.set(user, { server, lastUsed: s.now });
}
function dropConnection(s, user) {
  if (s.lb.conns.has(user)) mutLb(s).conns.delete(user);
}
function closeConnections(s, server) {
  if (![...s.lb.conns.values()].some((c) => c.server === server)) return;
  const lb = mutLb(s);
  for (const [user, c] of lb.conns) if (c.server === server) lb.conns.delete(user);
}

// src/sim/products/engine/nginx.ts
function inUpstream(srv) {
  return configured(srv) && !(srv.fresh && srv.status === "starting");
}
function markFailed(s, server, what) {
  if (s.servers.filter((x) => x.status !== "removed" && !(x.fresh && x.status === "starting")).length <= 1) return;
  const srv = mutServer(s, serverIndex(server));
  srv.fails += 1;
  srv.failedAt = s.now;
  srv.errors += 1;
  const { maxFails, failTimeoutMs } = s.config.passive;
  if (maxFails > 0 && srv.fails === maxFails) {
    emit(s, "health", `nginx: ${what} \u2192 ${server} skipped for ${failTimeoutMs / 1e3} s (max_fails=${maxFails} fail_timeout=${failTimeoutMs / 1e3}s)`, { server });
  }
}
function triesLeft(s, tried) {
  return s.config.lbRetry && tried < s.servers.filter(inUpstream).length;
}
var nginxBehaviour = {
  id: "nginx",
  activeChecks: false,
  passive: true,
  usable: (s, srv) => inUpstream(srv) && !passivelyFailed(s, srv),
  pinnable: (s, srv) => inUpstream(srv) && !passivelyFailed(s, srv),
  fallback: () => [],
  noServer: (why) => ({ server: null, decision: `${why ? `${why} \u2192 ` : ""}no live upstreams \u2192 502`, status: 502 }),
  refused(s, req) {
    const server = req.server;
    markFailed(s, server, `connection to ${server} refused`);
    if (triesLeft(s, req.refused.length)) return { retry: "route", delayMs: 0, words: `${server} refused \u2192 next upstream` };
    return { fail: 502, words: `${server} refused the connection \u2192 502` };
  },
  died(s, req) {
    const server = req.server;
    markFailed(s, server, `${server} closed the connection before the response header`);
    if (!isIdempotent(req)) return { fail: 502, words: `${server} died before the response header \u2192 502 (a POST is not retried)` };
    if (triesLeft(s, req.refused.length)) return { retry: "route", delayMs: 0, words: `${server} died before the response header \u2192 next upstream` };
    return { fail: 502, words: `${server} died before the response header \u2192 502` };
  },
  drained: (_, srv) => idle(srv),
  started(_, srv) {
    srv.healthy = true;
    srv.fresh = false;
    return true;
  }
};

// src/sim/products/engine/index.ts
var BEHAVIOURS = {
  nginx: nginxBehaviour,
  haproxy: haproxyBehaviour,
  alb: albBehaviour,
  "kube-proxy": kubeProxyBehaviour,
  cloudflare: cloudflareBehaviour
};
function behaviourOf(s) {
  return BEHAVIOURS[s.config.lb];
}

// src/sim/schedule.ts
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

// src/sim/lb.ts
var Ctx = class {
  s;
  b;
  user;
  kind;
  tried;
  redispatch = false;
  candidates() {
    const out = [];
    for (const srv of this.s.servers) if (this.b.usable(this.s, srv) && !this.tried.includes(srv.id)) out.push(srv);
    if (out.length > 0) return out;
    for (const srv of this.b.fallback(this.s)) if (!this.tried.includes(srv.id)) out.push(srv);
    return out;
  }
  canUse(id, bound) {
    const srv = this.s.servers[serverIndex(id)];
    if (srv === void 0 || this.tried.includes(id)) return false;
    if (bound ? this.b.pinnable(this.s, srv) : this.b.usable(this.s, srv)) return true;
    return !this.s.servers.some((x) => this.b.usable(this.s, x)) && this.b.fallback(this.s).includes(srv);
  }
  roundRobin(among) {
    return nextInRotation(this.s, among ?? this.candidates());
  }
  firstPick() {
    if (this.s.config.lb !== "cloudflare") return this.roundRobin();
    const candidates = this.candidates();
    return candidates.length === 0 ? null : candidates[Math.floor(this.random() * candidates.length)];
  }
  none(why) {
    return this.b.noServer(why ?? "");
  }
  random() {
    return nextFloat(this.s.rng);
  }
};
var ctx = new Ctx();
function route(s, user, tried, kind = user.next, redispatch = false) {
  ctx.s = s;
  ctx.b = behaviourOf(s);
  ctx.user = user;
  ctx.kind = kind;
  ctx.tried = tried;
  ctx.redispatch = redispatch;
  return ctx.b.route?.(ctx, s.config.policy) ?? policyById(s.config.policy).route(ctx);
}
function nextInRotation(s, among) {
  if (among.length === 0) return null;
  const last = s.lb.rrCursor;
  const next = among.find((srv) => serverIndex(srv.id) > last) ?? among[0];
  mutLb(s).rrCursor = serverIndex(next.id);
  return next;
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
    if (current.status === "removed" || current.fresh && current.status === "starting") continue;
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
        emit(s, "health", healthWords(s, srv.id, true, srv.fresh), { server: srv.id });
        srv.fresh = false;
      }
    } else {
      srv.probeOks = 0;
      srv.probeFails += 1;
      if (srv.healthy && srv.probeFails >= unhealthyThreshold) {
        srv.healthy = false;
        emit(s, "health", healthWords(s, srv.id, false), { server: srv.id });
      }
    }
  }
  schedule(s, s.now + intervalMs, { kind: "lb.healthCheck" });
  return recovered;
}
function healthWords(s, id, up, fresh = false) {
  const { unhealthyThreshold: fall, healthyThreshold: rise, intervalMs } = s.config.health;
  const every = `${intervalMs / 1e3} s apart`;
  switch (s.config.lb) {
    case "haproxy":
      return up ? `HAProxy: ${id} is UP (${rise} checks passed, inter ${intervalMs / 1e3}s) \u2192 back in rotation` : `HAProxy: ${id} is DOWN (${fall} checks failed, inter ${intervalMs / 1e3}s) \u2192 out of rotation; SERVERID=${id} is ignored from now on`;
    case "alb":
      return up ? `ALB: target ${id} healthy (${fresh || rise === 1 ? `1 passed check${fresh ? ", a new target" : ""}` : `${rise} passed checks, ${every}`}) \u2192 in rotation` : `ALB: target ${id} unhealthy (${fall} failed checks, ${every}) \u2192 out of rotation; its sticky users get a new target and cookie`;
    case "kube-proxy":
      return up ? `kube-proxy: pod ${id} ready \u2192 endpoint added to the Service` : `kube-proxy: pod ${id} not ready (container not running) \u2192 endpoint removed from the Service`;
    case "cloudflare":
      return up ? `Cloudflare monitor: endpoint ${id} healthy \u2192 back in the pool` : `Cloudflare monitor: endpoint ${id} unhealthy \u2192 out of the pool; its __cflb sessions get a new endpoint`;
    case "nginx":
      return up ? `${id} healthy` : `${id} unhealthy`;
  }
}

// src/sim/network.ts
var CLIENT_MS = 40;
var HOP_MS = 2;

// src/sim/backend.ts
var NOBODY = [];
function onForward(s, userId, id) {
  const req = mutRequest(s, userId, id);
  if (!req) return;
  if (req.refused.length === 0) s.counters.requests += 1;
  const user = s.users[req.user];
  const tried = req.refused.length === 0 ? NOBODY : req.refused.map((h) => h.server);
  const same = req.retry === "same" && req.server !== null;
  const result2 = same && req.server !== null ? { server: req.server, decision: `\u2192 ${req.server}`, pinned: req.pinned } : route(s, user, tried, req.kind, req.retry === "balance");
  req.decision = tried.length === 0 ? result2.decision : `${req.decision}${same ? " " : " \xB7 "}${result2.decision}`;
  req.retry = "route";
  req.pinned = result2.pinned === true;
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
  else if (!same) req.affinity = null;
  arrive(s, req, result2.server);
}
function arrive(s, req, server) {
  const idx = serverIndex(server);
  if (!accepts(s.servers[idx])) {
    req.refused = [...req.refused, { server, at: s.now }];
    follow(s, req, behaviourOf(s).refused(s, req));
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
  if (s.config.lb === "nginx") recordSuccess2(s, server);
  else if (s.config.lb === "kube-proxy") touchConnection(s, req.user, server);
  req.doneAt = s.now;
  req.lbBackAt = lbBackAt;
  const waiting = srv.queue.shift();
  if (waiting !== void 0) {
    const next = s.inflight[waiting];
    if (next) startService(s, mutRequest(s, waiting, next.id), idx);
  }
  respond(s, req);
}
function follow(s, req, plan) {
  if ("fail" in plan) {
    fail(s, req, plan.fail, plan.words, s.now + HOP_MS);
    return;
  }
  s.counters.retried += 1;
  req.retry = plan.retry;
  req.decision = `${req.decision} \u2715 ${plan.words}`;
  scheduleRequest(s, s.now + 2 * HOP_MS + plan.delayMs, "request.forward", req);
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
  dying.sort((a, b2) => a.id - b2.id);
  const b = behaviourOf(s);
  for (const r of dying) {
    const req = mutRequest(s, r.user, r.id);
    req.refused = [...req.refused, { server, at: s.now }];
    const plan = b.died(s, req);
    if ("fail" in plan) {
      fail(s, req, plan.fail, `${why} \xB7 ${plan.words}`, s.now + HOP_MS);
      continue;
    }
    req.serverAt = -1;
    req.startAt = -1;
    req.outcome = null;
    req.status = 0;
    req.detail = "";
    req.sets = null;
    follow(s, req, plan);
  }
}

// src/sim/browserRules.ts
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

// src/sim/users.ts
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
  const { name: name2, initials } = userName(id);
  let ip = publicIp(seed, id);
  if (opts.nat) ip = opts.nat.spec.subnet ? subnetAddress(opts.nat.spec.ip, opts.nat.index) : opts.nat.spec.ip;
  return {
    v: 0,
    id,
    name: name2,
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

// src/sim/websockets.ts
var BURST_WINDOW_MS = 1e3;
var RETRY_MS = 1e3;
function openSocket(s, user, server) {
  if (user.wsServer === server) return;
  if (user.wsServer) mutServer(s, serverIndex(user.wsServer)).connections -= 1;
  user.wsServer = server;
  mutServer(s, serverIndex(server)).connections += 1;
}
function onReconnect(s, id, landed) {
  const user = s.users[id];
  if (landed !== void 0 && accepts(s.servers[serverIndex(landed)])) {
    reconnect(s, id, landed);
    return;
  }
  const b = behaviourOf(s);
  const tried = [];
  let redispatch = false;
  let delay = 0;
  for (let attempt = 0; attempt < 2 * SERVER_IDS.length; attempt++) {
    const result2 = route(s, user, tried, "browse", redispatch);
    const srv = result2.server ? s.servers[serverIndex(result2.server)] : void 0;
    if (!srv) break;
    if (accepts(srv)) {
      if (delay === 0) reconnect(s, id, srv.id);
      else schedule(s, s.now + delay, { kind: "ws.reconnect", user: id, server: srv.id });
      return;
    }
    tried.push(srv.id);
    const upgrade = { kind: "browse", server: srv.id, refused: tried.map((server) => ({ server, at: s.now })), pinned: result2.pinned === true };
    const plan = b.refused(s, upgrade);
    if ("fail" in plan) break;
    delay += plan.delayMs;
    redispatch = plan.retry === "balance";
    if (plan.retry === "same") tried.pop();
  }
  schedule(s, s.now + Math.max(delay, RETRY_MS), { kind: "ws.reconnect", user: id });
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

// src/sim/products/engine/cookies.ts
var SESSION_COOKIE = Number.MAX_SAFE_INTEGER;
var AWSALB_EXPIRES_MS = 7 * 864e5;
function until(ttlMs, from) {
  return ttlMs > 0 ? from + ttlMs : SESSION_COOKIE;
}
function storeAffinity(s, jar, a) {
  const { ttlMs, mode } = s.config.cookie;
  const current = jar.affinity;
  if (current === null || current.server !== a.server) {
    jar.affinity = { server: a.server, expiresAt: until(ttlMs, s.now), setAt: s.now, firstAt: s.now, value: a.value ?? null };
    return;
  }
  if (s.config.lb === "haproxy") {
    if (!a.issued) return;
    current.value = a.value ?? null;
    current.setAt = s.now;
    current.expiresAt = until(ttlMs, mode === "fixed" ? current.firstAt : s.now);
    return;
  }
  if (mode === "sliding" || a.issued) {
    current.expiresAt = until(ttlMs, s.now);
    current.setAt = s.now;
    if (a.issued) current.firstAt = s.now;
  }
}

// src/sim/browser.ts
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
    pinned: false,
    retry: "route",
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
  if (a && req.outcome !== "error") storeAffinity(s, jar, a);
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
  const idle2 = idleExpired(s.now, user.lastActive, s.config.sessionIdleMs);
  if (isUnexpectedLogout(user.believesLoggedIn, tokenGone, idle2)) {
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

// src/sim/lifecycle.ts
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
  closeConnections(s, id);
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
  boot(s, id, "restarting", false);
}
function boot(s, id, verb, fresh) {
  const srv = mutServer(s, serverIndex(id));
  srv.status = "starting";
  srv.statusSince = s.now;
  srv.version += 1;
  if (fresh) {
    srv.fresh = true;
    srv.healthy = false;
    srv.probeOks = 0;
    srv.probeFails = 0;
    srv.fails = 0;
  }
  schedule(s, s.now + s.config.startupMs, { kind: "server.started", server: id, version: srv.version });
  emit(s, "server", `Server ${id} ${verb} (boots in ${formatDuration(s.config.startupMs)})`, { server: id });
}
function onServerStarted(s, id, version) {
  const srv = s.servers[serverIndex(id)];
  if (!srv || srv.status !== "starting" || srv.version !== version) return false;
  const owned = mutServer(s, serverIndex(id));
  owned.status = "up";
  owned.statusSince = s.now;
  const inRotation = behaviourOf(s).started(s, owned);
  emit(s, "server", `Server ${id} is up${inRotation ? " and in rotation" : ", waiting for the load balancer\u2019s health checks"}`, { server: id });
  return inRotation;
}
function addServer(s) {
  const slot = s.servers.findIndex((srv) => srv.status === "removed");
  const idx = slot >= 0 ? slot : s.servers.length;
  if (idx >= SERVER_IDS.length) return null;
  const fresh = makeServer(idx, s.now, "starting");
  if (slot >= 0) s.servers[idx] = { ...fresh, v: s.gen, version: s.servers[idx].version };
  else s.servers.push({ ...fresh, v: s.gen });
  boot(s, fresh.id, "added", true);
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
  if (s.config.lb === "kube-proxy") closeConnections(s, id);
  emit(s, "server", drainWords(s, id), { server: id });
  schedule(s, s.now + DRAIN_CHECK_MS, { kind: "server.drainCheck", server: id, version: owned.version });
}
function drainWords(s, id) {
  const t = formatDuration(s.config.drainTimeoutMs);
  switch (s.config.lb) {
    case "nginx":
      return `nginx: ${id} marked down and nginx reloaded \u2014 no new requests, not even hashed users; requests in flight finish`;
    case "haproxy":
      return `HAProxy: ${id} set to drain \u2014 no new users from the balancer, SERVERID holders still served (the deploy waits until their sessions end, at most ${t})`;
    case "alb":
      return `ALB: target ${id} deregistering \u2014 no new requests, sticky users re-pinned at once; in-flight requests may finish (deregistration delay ${t})`;
    case "kube-proxy":
      return `Kubernetes: pod ${id} terminating \u2014 endpoint removed, idle connections closed; in-flight requests finish (grace period ${t})`;
    case "cloudflare":
      return `Cloudflare: endpoint ${id} disabled with drain_duration ${t} \u2014 no new sessions; pinned sessions keep coming until it ends`;
  }
}
function onDrainCheck(s, id, version) {
  const srv = s.servers[serverIndex(id)];
  if (!srv || srv.status !== "draining" || srv.version !== version) return;
  if (behaviourOf(s).drained(s, srv)) finishRemoval(s, id, `drained after ${formatDuration(s.now - srv.statusSince)}`);
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
    boot(s, id, "replaced by the new version", true);
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

// src/sim/interventions/fleet.ts
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

// src/sim/interventions/headerAffinity.ts
var forgeHeader = {
  kind: "forgeHeader",
  apply(s, iv) {
    const u = s.users[iv.user];
    if (!u) return;
    const value = forgeValueFor(s, iv.target, s.config.lb === "haproxy" ? (v) => haproxyHeaderPick(s, v) : void 0);
    s.forgedValues = { ...s.forgedValues, [iv.target]: value };
    mutUser(s, iv.user).forgedHeader = value;
    const aim = s.config.lb === "cloudflare" ? `aiming at ${iv.target}, but Cloudflare places a new header value by random steering` : `that value hashes to ${iv.target}`;
    emit(s, "security", `${u.name} forges ${s.config.header.name}: ${value} (${aim})`, { user: u.id, server: iv.target });
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

// src/sim/interventions/population.ts
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

// src/sim/interventions/sessionStore.ts
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

// src/sim/sessionMigration.ts
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

// src/sim/interventions/settings.ts
var setPolicy = {
  kind: "setPolicy",
  apply(s, iv) {
    const { policy, problem } = policyUnder(s.config.lb, iv.policy);
    s.config = { ...s.config, policy };
    emit(s, "config", `Routing policy \u2192 ${policyById(policy).describe(s.config)}${problem ? ` (${problem})` : ""}`);
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

// src/sim/interventions/tokens.ts
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

// src/sim/interventions.ts
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

// src/sim/state.ts
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
    lb: { v: 0, rrCursor: -1, rrWeights: {}, clientIp: /* @__PURE__ */ new Map(), conns: /* @__PURE__ */ new Map(), headerTable: /* @__PURE__ */ new Map() },
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
  if (BEHAVIOURS[config.lb].activeChecks) schedule(s, config.health.intervalMs, { kind: "lb.healthCheck" });
  schedule(s, SAMPLE_MS, { kind: "metrics.sample" });
  schedule(s, SWEEP_MS, { kind: "sessions.sweep" });
  return s;
}

// src/sim/housekeeping.ts
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
  const idle2 = s.config.sessionIdleMs;
  s.servers.forEach((srv, i) => {
    let expired = false;
    for (const session of srv.memory.values()) if (!isLive(session, s.now, idle2)) expired = true;
    if (!expired) return;
    const owned = mutServer(s, i);
    for (const [key, session] of owned.memory) if (!isLive(session, s.now, idle2)) owned.memory.delete(key);
  });
  for (const which of ["sessionStore", "database"]) {
    let expired = false;
    for (const session of s[which].sessions.values()) if (!isLive(session, s.now, idle2)) expired = true;
    if (!expired) continue;
    const owned = mutStore(s, which);
    for (const [key, session] of owned.sessions) if (!isLive(session, s.now, idle2)) owned.sessions.delete(key);
  }
  if ([...s.deny.values()].some((exp) => exp <= s.now)) s.deny = new Map([...s.deny].filter(([, exp]) => exp > s.now));
  schedule(s, s.now + SWEEP_MS, { kind: "sessions.sweep" });
}

// src/sim/engine.ts
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
      if (onServerStarted(s, e.server, e.version) && s.deploy && s.deploy.current === e.server) deployNext(s);
      return;
    case "server.drainCheck":
      return onDrainCheck(s, e.server, e.version);
    case "sessions.sweep":
      return sweepSessions(s);
    case "metrics.sample":
      return sampleMetrics(s);
    case "token.replay":
      return onTokenReplay(s, e.user, e.jti, e.exp);
    case "ws.reconnect":
      return onReconnect(s, e.user, e.server);
    default:
      return assertNever(e);
  }
}
function assertNever(x) {
  throw new Error(`unhandled event ${JSON.stringify(x)}`);
}

// src/sim/scenarios/affinityTtlExpiry.ts
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
    lb: "haproxy",
    policy: "cookie",
    storage: "memory",
    cookie: { ttlMs: 6e4, mode: "sliding" },
    breakChance: 0.6,
    breakMs: 12e4
  },
  script: [],
  durationMs: 48e4
};

// src/sim/scenarios/scenario.ts
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

// src/sim/scenarios/autoscaleSticky.ts
var autoscaleSticky = {
  id: "autoscale-sticky",
  title: "Autoscaling while users are pinned",
  watch: "At 1:00 two servers are added to relieve the load, but every existing user stays pinned to the old three: D and E sit almost idle.",
  claim: "New instances get little traffic while old affinities live.",
  lesson: "the-four-risks",
  // Seed 8: steady traffic; ten newcomers at 1:30 are the only ones the new servers can get.
  seed: 8,
  config: { servers: 3, users: 30, lb: "haproxy", policy: "cookie", storage: "memory", arrivalSpreadMs: 1e4 },
  script: [
    at(6e4, { kind: "addServer" }),
    at(6e4, { kind: "addServer" }),
    at(9e4, { kind: "setUsers", count: 40 })
  ],
  durationMs: 24e4
};

// src/sim/scenarios/consistentHashScaling.ts
var consistentHashScaling = {
  id: "consistent-hash-scaling",
  title: "Modulo vs consistent hashing on scale-out",
  watch: "nginx `hash $cookie_uid`: at 0:30 a fourth server joins. With modulo hashing most users move (and lose their session); switch to consistent to move only about a quarter.",
  claim: "nginx hash \u2026 consistent vs modulo when a server is added; a missing cookie falls back to round robin.",
  lesson: "nginx",
  // Seed 13: 60 users give stable fractions; the first request of each has no uid cookie yet.
  seed: 13,
  config: { servers: 3, users: 60, lb: "nginx", policy: "hash", storage: "memory", breakChance: 0 },
  script: [at(3e4, { kind: "addServer" })],
  durationMs: 9e4
};

// src/sim/scenarios/cookieAffinity.ts
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
    // Lesson 4 reads the AWSALB cookie: an ALB's duration-based stickiness, as AWS documents it.
    lb: "alb",
    policy: "cookie",
    storage: "memory",
    natGroups: [{ size: 8, ip: "198.51.100.23" }]
  },
  script: [],
  durationMs: 12e4
};

// src/sim/scenarios/crashStickyMemory.ts
var crashStickyMemory = {
  id: "crash-sticky-memory",
  title: "Stickiness can\u2019t save a dead server\u2019s memory",
  watch: "At 0:30 server B crashes. Its session chips vanish, and exactly the users whose sessions were on B get logged out.",
  claim: "Stickiness can\u2019t save state in a dead server\u2019s memory.",
  lesson: "sticky-vs-stateless",
  // Seed 1: B holds a typical third of the sessions when it crashes.
  seed: 1,
  config: { servers: 3, users: 18, lb: "haproxy", policy: "cookie", storage: "memory" },
  script: [at(3e4, { kind: "crashServer", server: "B" })],
  durationMs: 9e4
};

// src/sim/scenarios/databaseStore.ts
var databaseStore = {
  id: "database-store",
  title: "Sessions in the database",
  watch: "Every request reads and touches its session in the database (\u22485 ms a trip instead of \u22481 ms): watch p50 latency.",
  claim: "A database works as a session store but costs latency.",
  lesson: "better-alternatives",
  // Same seed as shared-store, so the latency difference comes from the store alone.
  seed: 1,
  config: { servers: 3, users: 18, lb: "nginx", policy: "round-robin", storage: "database" },
  script: [],
  durationMs: 9e4
};

// src/sim/scenarios/headerSpoofing.ts
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
    lb: "nginx",
    policy: "header",
    storage: "memory",
    header: { name: "X-User-Id", source: "client" }
  },
  script: BOTS.map((user) => at(2e4, { kind: "forgeHeader", user, target: "B" })),
  durationMs: 9e4
};

// src/sim/scenarios/heavyUsersHotspot.ts
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
    lb: "nginx",
    policy: "ip-hash",
    storage: "memory",
    natGroups: [{ size: 5, ip: "192.0.2.10", subnet: true, heavy: true }]
  },
  script: [],
  durationMs: 12e4
};

// src/sim/scenarios/ipHashNatHotspot.ts
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
    lb: "nginx",
    policy: "ip-hash",
    storage: "memory",
    natGroups: [{ size: 30, ip: "100.64.10.7" }]
  },
  script: [],
  durationMs: 12e4
};

// src/sim/scenarios/jwtTokens.ts
var jwtTokens = {
  id: "jwt-tokens",
  title: "JWT: stateless identity, stateful carts",
  watch: "At 0:30 B crashes: nobody is logged out (tokens), but carts kept in B\u2019s memory vanish. At 1:00 Ana logs out \u2014 and a stolen copy of her token still works.",
  claim: "Tokens remove auth state but not carts; revocation needs a deny list.",
  lesson: "better-alternatives",
  // Seed 1, like the other crash scenarios.
  seed: 1,
  config: { servers: 3, users: 18, lb: "haproxy", policy: "cookie", storage: "jwt", jwt: { ttlMs: 9e5, denyList: false, carts: "memory" } },
  script: [at(3e4, { kind: "crashServer", server: "B" }), at(6e4, { kind: "revokeToken", user: 0 })],
  durationMs: 9e4
};

// src/sim/scenarios/migrationPlan.ts
var migrationPlan = {
  id: "migration-plan",
  title: "From sticky to stateless in five steps",
  watch: "Sticky cookie + memory \u2192 sessions copied to a shared store \u2192 idempotency keys \u2192 shorter TTL and a 20% canary without affinity \u2192 affinity off. Unexpected logouts stay at 0 throughout.",
  claim: "The five-step path from sticky to stateless keeps users logged in.",
  lesson: "migration-plan",
  // Seed 15: every server holds sessions before step 2.
  seed: 15,
  config: { servers: 3, users: 18, lb: "haproxy", policy: "cookie", storage: "memory" },
  script: [
    at(3e4, { kind: "setStorage", storage: "shared" }),
    at(45e3, { kind: "setIdempotency", on: true }),
    at(6e4, { kind: "setAffinityTtl", ttlMs: 3e5 }),
    at(6e4, { kind: "setCanary", percent: 20 }),
    at(8e4, { kind: "setPolicy", policy: "round-robin" })
  ],
  durationMs: 12e4
};

// src/sim/scenarios/mobileIpChange.ts
var mobileIpChange = {
  id: "mobile-ip-change",
  title: "A phone changes networks",
  watch: "At 0:30 Ana walks out of the caf\xE9: her phone leaves Wi-Fi, gets a new IP, and ip_hash sends her to another server.",
  claim: "IP affinity breaks when a user\u2019s IP changes.",
  lesson: "techniques",
  // Seed 2: Ana's new address hashes to a different server than her old one.
  seed: 2,
  config: { servers: 3, users: 9, lb: "nginx", policy: "ip-hash", storage: "memory", breakChance: 0 },
  script: [at(3e4, { kind: "changeUserIp", user: 0 })],
  durationMs: 6e4
};

// src/sim/scenarios/oneHotBackend.ts
var oneHotBackend = {
  id: "one-hot-backend",
  title: "The average hides one hot server",
  watch: "Mean utilisation looks comfortable, but C carries all four heavy users: its queue grows and its users wait several times longer.",
  claim: "Averages hide one overloaded instance.",
  lesson: "the-four-risks",
  // Seed 10. Users 2, 8, 14, 20 are heavy; arriving in order, round robin pins each 6th user to C.
  seed: 10,
  config: { servers: 6, users: 36, lb: "haproxy", policy: "cookie", storage: "memory", heavyIds: [2, 8, 14, 20], arrivalSpreadMs: 6e3 },
  script: [],
  durationMs: 12e4
};

// src/sim/scenarios/retryDuplicates.ts
var retryDuplicates = {
  id: "retry-duplicates",
  title: "Retries and duplicate orders",
  watch: "Some responses get lost and browsers retry; a retried checkout without an idempotency key places the order twice. Turn keys on and the duplicates stop.",
  claim: "Without stickiness retries and failovers happen more; make requests idempotent.",
  lesson: "migration-plan",
  // Seed 14: a few checkouts lose their response in the first minute.
  seed: 14,
  config: { servers: 3, users: 24, lb: "nginx", policy: "round-robin", storage: "shared", responseLossRate: 0.05, idempotencyKeys: false },
  script: [at(6e4, { kind: "crashServer", server: "A" }), at(75e3, { kind: "restartServer", server: "A" })],
  durationMs: 15e4
};

// src/sim/scenarios/rollingDeploy.ts
var rollingDeploy2 = {
  id: "rolling-deploy",
  title: "A rolling deploy with sticky sessions",
  watch: "At 0:30 a deploy drains A, B, C in turn. Pinned users keep each draining server busy until the 60-second drain timeout \u2014 then its sessions go anyway.",
  claim: "With stickiness, deploys drag out (drain) or drop sessions (kill); a stateless deploy is quick and loses nothing.",
  lesson: "the-four-risks",
  // Seed 9: users are mid-journey on every server when the deploy starts.
  seed: 9,
  config: { servers: 3, users: 18, lb: "haproxy", policy: "cookie", storage: "memory", drainTimeoutMs: 6e4 },
  script: [at(3e4, { kind: "rollingDeploy", mode: "drain" })],
  durationMs: 3e5
};

// src/sim/scenarios/scaleOutNoAffinity.ts
var scaleOutNoAffinity = {
  id: "scale-out-no-affinity",
  title: "Scale out, and users get logged out",
  watch: "Each request lands on a random-looking server; a server that never saw the login answers with the login page.",
  claim: "One server is fine; several servers with sessions in memory and no affinity log users out at random.",
  lesson: "the-problem",
  // Any seed shows it; 7 gives a first logout within the first ten seconds.
  seed: 7,
  // HAProxy: its one-click Sticky is the classic cookie (SERVERID), replayable on Debian's HAProxy.
  config: { servers: 3, users: 12, lb: "haproxy", policy: "round-robin", storage: "memory" },
  script: [],
  durationMs: 12e4
};

// src/sim/scenarios/sharedStore.ts
var sharedStore = {
  id: "shared-store",
  title: "Sessions in a shared store",
  watch: "Sessions live in the store, not on the servers. At 0:30 B crashes \u2014 and nobody is logged out.",
  claim: "Move sessions to a shared store: any server serves anyone, and crashes lose nothing.",
  lesson: "better-alternatives",
  // Same seed as crash-sticky-memory, so the two runs can be compared.
  seed: 1,
  config: { servers: 3, users: 18, lb: "nginx", policy: "round-robin", storage: "shared" },
  script: [at(3e4, { kind: "crashServer", server: "B" })],
  durationMs: 9e4
};

// src/sim/scenarios/storeOutage.ts
var storeOutage2 = {
  id: "store-outage",
  title: "When the shared store goes down",
  watch: "From 0:30 to 0:45 the store is down: every request that needs a session fails. It comes back with every session intact.",
  claim: "The shared store becomes the new single point of failure.",
  lesson: "better-alternatives",
  // Seed 12: a steady stream of logged-in traffic when the outage begins.
  seed: 12,
  config: { servers: 3, users: 18, lb: "nginx", policy: "round-robin", storage: "shared", store: { persistent: true } },
  script: [at(3e4, { kind: "storeDown" }), at(45e3, { kind: "storeUp" })],
  durationMs: 9e4
};

// src/sim/scenarios/websocketAffinity.ts
var websocketAffinity = {
  id: "websocket-affinity",
  title: "Long-lived connections",
  watch: "Each logged-in user holds a WebSocket to one server \u2014 affinity for free. At 0:40 B crashes and all its connections reconnect in the same second.",
  claim: "Long-lived connections are a case where affinity is reasonable \u2014 and a crash forces a reconnect storm.",
  lesson: "when-sticky-helps",
  // Seed 16: B holds about a third of the connections.
  seed: 16,
  config: { servers: 3, users: 24, lb: "haproxy", policy: "cookie", storage: "shared", websockets: true },
  script: [at(4e4, { kind: "crashServer", server: "B" })],
  durationMs: 9e4
};

// src/sim/scenarios/index.ts
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

// src/sim/harness.ts
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
  /** The load balancer product (src/sim/products/). */
  lb(id) {
    return this.config({ lb: id });
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
  run(until2) {
    return advanceTo(this.start(), until2, this.scriptItems);
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

// src/sim/timeline.ts
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
