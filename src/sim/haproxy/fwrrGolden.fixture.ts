// Test fixtures: `balance roundrobin` sequences of real HAProxy 2.6.12 (Debian bookworm), with servers
// leaving and coming back through the runtime API, recorded by conformance/haproxy.conformance.ts
// (which replays them on the real binary every run; RECORD_GOLDEN=1 prints them) and replayed on
// the model by fwrr.test.ts. A step is a request (`GET`) or `set <server> <maint|drain|ready>`.

export interface FwrrGoldenCase {
  readonly backend: string
  readonly steps: readonly string[]
  /** The server of each GET, in order. */
  readonly expected: readonly string[]
}

const gets = (n: number): string[] => Array.from({ length: n }, () => 'GET')

export const FWRR_GOLDEN: readonly FwrrGoldenCase[] = [
  {
    // The lab's autoscale: three servers, a fourth added (it leaves maint) after four requests.
    backend: 'A id 1; B id 2; C id 3; D id 4 maint',
    steps: [...gets(4), 'set D ready', ...gets(9)],
    expected: ['A', 'B', 'C', 'A', 'B', 'C', 'A', 'D', 'B', 'C', 'A', 'D', 'B'],
  },
  {
    // Weights, a server leaving (maint) and coming back, another drained and back.
    backend: 'web1 weight 3; web2; web3 weight 2; web4',
    steps: [...gets(7), 'set web1 maint', ...gets(4), 'set web1 ready', ...gets(6), 'set web3 drain', ...gets(3), 'set web3 ready', ...gets(8)],
    expected: ['web1', 'web3', 'web1', 'web2', 'web3', 'web1', 'web4', 'web3', 'web3', 'web2', 'web3', 'web1', 'web4', 'web3', 'web2', 'web1', 'web3', 'web1', 'web1', 'web4', 'web1', 'web2', 'web3', 'web1', 'web4', 'web3', 'web1', 'web1'],
  },
  {
    // Two servers come back one after the other with requests in between.
    backend: 'a; b; c maint; d maint; e',
    steps: [...gets(5), 'set c ready', ...gets(2), 'set d ready', ...gets(10), 'set a maint', ...gets(3), 'set a ready', ...gets(6)],
    expected: ['a', 'b', 'e', 'a', 'b', 'e', 'a', 'b', 'c', 'e', 'a', 'd', 'b', 'c', 'e', 'a', 'd', 'b', 'c', 'e', 'd', 'b', 'c', 'e', 'a', 'd'],
  },
]
