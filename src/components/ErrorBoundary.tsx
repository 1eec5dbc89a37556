// Keeps a failing page from blanking the app: shows what happened and a way back.

import { Component, type ErrorInfo, type ReactNode } from 'react'

interface State {
  error: Error | null
}

export class ErrorBoundary extends Component<{ children: ReactNode; fallback?: (error: Error) => ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn('Sticky Sessions Lab: a page failed to render', error, info.componentStack)
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    if (this.props.fallback) return this.props.fallback(error)
    return (
      <div role="alert" className="mx-auto my-8 max-w-2xl rounded-lg border border-bad bg-card p-6">
        <h2 className="text-lg font-semibold">Something went wrong on this page</h2>
        <p className="mt-2 text-muted">{error.message}</p>
        <p className="mt-4">
          <a className="text-accent underline" href="#/lab">
            Open the lab
          </a>{' '}
          or{' '}
          <button className="text-accent underline" onClick={() => this.setState({ error: null })}>
            try again
          </button>
          .
        </p>
      </div>
    )
  }
}
