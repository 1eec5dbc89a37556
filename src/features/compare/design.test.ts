import { expect, it } from 'vitest'
import { designLabel } from './design.ts'

it('(14.8) calls every affinity over server memory Sticky, naming the kind', () => {
  expect(designLabel({ policy: 'cookie', storage: 'memory' })).toBe('Sticky: Cookie affinity + server memory')
  expect(designLabel({ policy: 'ip-hash', storage: 'memory' })).toBe('Sticky: IP hash (nginx ip_hash) + server memory')
  expect(designLabel({ policy: 'client-ip', storage: 'memory', ttlS: 60 })).toBe('Sticky: Kubernetes ClientIP + server memory (affinity TTL 60 s)')
  expect(designLabel({ policy: 'least-connections', storage: 'database' })).toBe('Stateless: Least connections + database')
  expect(designLabel({ policy: 'round-robin', storage: 'memory' })).toBe('Round robin + server memory')
})
