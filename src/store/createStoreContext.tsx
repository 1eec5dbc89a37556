// One way to hand a vanilla zustand store to a React subtree (xyflow's ReactFlowProvider pattern):
// each provider owns one store, hooks read narrow slices of it, and using a hook outside its provider
// fails with a message naming that hook and that provider.

import { createContext, useContext, type Context, type ReactNode } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { useShallow } from 'zustand/react/shallow'

export interface StoreContext<S> {
  Provider(props: { store: StoreApi<S>; children: ReactNode }): ReactNode
  /** The store itself, for actions and for reading outside render. */
  useStoreApi(): StoreApi<S>
  /** Select a slice; return primitives or stable references. */
  useSelect<T>(selector: (s: S) => T): T
  /** Select several values at once; re-renders only when one of them changes. */
  useSelectShallow<T extends object>(selector: (s: S) => T): T
}

/** `names` are what the error messages call the provider and the hooks (e.g. LabProvider, useLab). */
export function createStoreContext<S>(names: { provider: string; hook: string }): StoreContext<S> {
  const Ctx: Context<StoreApi<S> | null> = createContext<StoreApi<S> | null>(null)
  Ctx.displayName = names.provider
  const useStoreApi = (hook: string = names.hook): StoreApi<S> => {
    const store = useContext(Ctx)
    if (!store) throw new Error(`${hook} must be used inside a <${names.provider}> (each one owns its own store).`)
    return store
  }
  return {
    Provider: ({ store, children }) => <Ctx.Provider value={store}>{children}</Ctx.Provider>,
    useStoreApi: () => useStoreApi(`${names.hook}Store`),
    useSelect: (selector) => useStore(useStoreApi(), selector),
    useSelectShallow: (selector) => useStore(useStoreApi(`${names.hook}Shallow`), useShallow(selector)),
  }
}
