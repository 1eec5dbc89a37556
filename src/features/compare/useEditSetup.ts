// Changing what is compared: each edit goes to the compare controller and then into the URL
// (replacing the history entry), so the address bar is always a link to what is on screen.

import { useMemo } from 'react'
import { navigate } from '../../app/router.ts'
import type { Design } from './design.ts'
import { useCompareStore } from './CompareContext.tsx'
import { setupHref, type CompareSetup } from './urlCodec.ts'

export function useEditSetup() {
  const store = useCompareStore()
  return useMemo(() => {
    const sync = () => navigate(setupHref(store.getState().setup()), { replace: true })
    return {
      load(setup: CompareSetup) {
        store.getState().load(setup)
        sync()
      },
      setDesign(index: number, design: Design) {
        store.getState().setDesign(index, design)
        sync()
      },
      addColumn(design: Design) {
        store.getState().addColumn(design)
        sync()
      },
      removeColumn(index: number) {
        store.getState().removeColumn(index)
        sync()
      },
    }
  }, [store])
}
