// Public API of the exact HAProxy 2.6 model: balance source / hdr() on map-based or consistent hashing,
// insert cookies, stick on src, retries and redispatch (docs/facts/haproxy.md).

export { formatIp, IpParseError, parseIp, type ParsedIp } from '../nginx/ip.ts'
export { fullHash, genHash, hashCrc32, hashDjb2, hashSdbm, hashWt6, HASH_FUNCTIONS, utf8, type HashFunction } from './hash.ts'
export { assignIds, BackendParseError, MAX_ID, MAX_WEIGHT, parseBackend, type AdminState, type HaproxyServer } from './servers.ts'
export { isRunning, isUsable, NO_DOWN, usableIndices, viewOf, type BackendView } from './view.ts'
export { buildMap, createMapRrState, mapNextRr, mapWeights, weightGcd, type MapRrState } from './mapBased.ts'
export {
  buildRing,
  checkRingIds,
  createChashRrState,
  EWGHT_RANGE,
  pointKey,
  RingCollisionError,
  ringLookup,
  ringNextRr,
  WEIGHT_SCALE,
  type ChashRrState,
  type Ring,
} from './chash.ts'
export {
  balancePick,
  BalanceParseError,
  createLb,
  createRrState,
  firstHeaderValue,
  formatHashType,
  parseBalance,
  parseHashType,
  sourceKey,
  type Balance,
  type HashBalance,
  type BalanceInput,
  type HashType,
  type Lb,
  type Pick,
  type RrState,
} from './balance.ts'
export { b64tos30, encodeDate, s30tob64 } from './cookieDate.ts'
export { isCacheable, type HeaderList } from './cacheable.ts'
export {
  CookieParseError,
  matchCookie,
  parseCookieDirective,
  readCookie,
  setCookieHeader,
  type CookieConfig,
  type CookieMatch,
  type CookieRead,
} from './cookie.ts'
export {
  createStickTable,
  lookupEntry,
  stickKey,
  stickMatch,
  stickStore,
  type StickEntry,
  type StickMatch,
  type StickTable,
  type StickTableType,
} from './stickTable.ts'
export {
  DEFAULT_RETRIES,
  simulateHaproxyRequest,
  type BackendConfig,
  type BackendState,
  type HaproxyRequest,
  type HaproxyResult,
} from './request.ts'
