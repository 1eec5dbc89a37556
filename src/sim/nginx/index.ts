// Public API of the exact nginx upstream algorithms (ip_hash, hash, hash consistent, round robin, health).

export { crc32, crc32Final, crc32Update, CRC32_INIT, toBytes } from './crc32.ts'
export { formatIp, IpParseError, parseIp, type ParsedIp } from './ip.ts'
export { parseNginxSeconds } from './duration.ts'
export { nginxInet6Addr, nginxInetAddr, nginxParseAddr, nginxParseAddrPort, realIpFromHeader } from './realip.ts'
export {
  DEFAULT_FAIL_TIMEOUT_MS,
  DEFAULT_MAX_FAILS,
  DEFAULT_WEIGHT,
  MAX_WEIGHT,
  parseUpstream,
  UpstreamParseError,
  type UpstreamServer,
} from './upstream.ts'
export {
  MAX_HASH_TRIES,
  skipReason,
  type ExplainLine,
  type PeerView,
  type SkipReason,
  type ExplainKind,
} from './peerView.ts'
export { peerForSlot, totalWeight } from './weightSlot.ts'
export {
  createRoundRobinState,
  penalizeFailure,
  roundRobinPick,
  type RoundRobinPick,
  type RoundRobinState,
} from './roundRobin.ts'
export {
  createPeerHealth,
  isFailed,
  peerViewAt,
  recordFailure,
  recordSelected,
  recordSuccess,
  type PeerHealth,
  type PeerHealthEntry,
} from './peerHealth.ts'
export {
  createIpHashRequest,
  IP_HASH_INIT,
  IP_HASH_MODULUS,
  IP_HASH_MULTIPLIER,
  ipHashKey,
  ipHashKeyBytes,
  ipHashMix,
  type IpHashRequest,
} from './ipHash.ts'
export { createHashRequest, hashSlice, type HashRequest } from './hash.ts'
export {
  buildRing,
  createChashRequest,
  findPoint,
  POINTS_PER_WEIGHT,
  ringFor,
  splitHostPort,
  type ChashRequest,
  type Ring,
} from './consistentHash.ts'
export {
  createPicker,
  NGINX_METHODS,
  type Choice,
  type ChoiceOutcome,
  type Picker,
  type NginxMethod,
} from './picker.ts'
export { simulateRequest, upstreamAddr, type RequestInput, type RequestResult } from './request.ts'
