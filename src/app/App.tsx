// The app: the theme preference, the layout, and the page for the current hash route. (Animation
// providers live with the one page that uses framer-motion: features/cards/MotionCardsPage.tsx.)

import { Suspense, useEffect } from 'react'
import { ErrorBoundary } from '../components/ErrorBoundary.tsx'
import { Layout } from './Layout.tsx'
import { applyTheme, usePrefs } from '../store/prefs.ts'
import { resolvePage } from './routes.ts'
import { useRoute } from './router.ts'

export function App() {
  const route = useRoute()
  const theme = usePrefs((p) => p.theme)

  useEffect(() => {
    applyTheme(theme)
    if (theme !== 'system') return
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const follow = () => applyTheme('system')
    media.addEventListener('change', follow)
    return () => media.removeEventListener('change', follow)
  }, [theme])

  const page = resolvePage(route.path)
  useEffect(() => {
    document.title = page.title === 'Sticky Sessions Lab' ? page.title : `${page.title} · Sticky Sessions Lab`
  }, [page.title])

  return (
    <Layout current={page.id}>
      <ErrorBoundary key={route.path}>
        <Suspense fallback={<p className="p-6 text-muted">Loading…</p>}>
          {page.Page ? <page.Page /> : <NotFound path={route.path} />}
        </Suspense>
      </ErrorBoundary>
    </Layout>
  )
}

function NotFound({ path }: { path: string }) {
  return (
    <section className="mx-auto max-w-2xl p-6">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-muted">
        There is no page at <code className="rounded bg-soft px-1">{path}</code>. Try the <a className="text-accent underline" href="#/lab">lab</a> or go{' '}
        <a className="text-accent underline" href="#/">home</a>.
      </p>
    </section>
  )
}
