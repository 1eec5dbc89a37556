// A stand-in harness for the SYN gate's cleanup check (gate.ts): starts a gate over one port, prints
// "chain <name> pid <gate pid>" and waits to be killed.

import { Owned } from '../stack/owned.ts'
import { SynGate } from '../stack/synGate.ts'

const owned = new Owned('real-gate-')
const gate = await SynGate.start(owned, [Number(process.argv[2])], () => undefined)
console.log(`chain ${gate.chain} pid ${gate.pid}`)
setInterval(() => undefined, 1000)
