// A store hook used outside its provider fails with a message naming that very hook and provider.

import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { LabProvider, useLab, useLabShallow, useLabStore } from './LabContext.tsx'

function Probe({ use }: { use: () => unknown }) {
  use()
  return null
}

describe('createStoreContext', () => {
  it.each([
    ['useLab', () => useLab((s) => s.playing)],
    ['useLabStore', () => useLabStore()],
    ['useLabShallow', () => useLabShallow((s) => ({ playing: s.playing }))],
  ] as const)('%s outside a <LabProvider> names itself', (name, use) => {
    expect(() => renderToString(<Probe use={use} />)).toThrow(`${name} must be used inside a <LabProvider> (each one owns its own store).`)
  })

  it('inside a provider, every hook reads the store', () => {
    expect(() => renderToString(<LabProvider init={{ scenario: 'shared-store' }}><Probe use={() => [useLab((s) => s.playing), useLabStore(), useLabShallow((s) => ({ p: s.playing }))]} /></LabProvider>)).not.toThrow()
  })
})
