import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { SceneHostContext } from '../scene/sceneHost.ts'
import { Link } from './Prose.tsx'

const render = (href: string, appHref?: (hash: string) => string) =>
  renderToStaticMarkup(createElement(SceneHostContext.Provider, { value: appHref ? { appHref } : null }, createElement(Link, { href }, 'x')))

describe('lesson links', () => {
  it('in the app, a hash route stays a hash route in the same tab', () => {
    expect(render('#/learn/the-problem')).toBe('<a href="#/learn/the-problem">x</a>')
  })

  it('in a scene embedded on its own, a hash route opens from the app in a new tab', () => {
    expect(render('#/learn/the-problem', (h) => `./index.html${h}`)).toBe('<a href="./index.html#/learn/the-problem" target="_blank" rel="noreferrer">x<span class="sr-only"> (opens in a new tab)</span></a>')
  })

  it('an outside address opens in a new tab either way', () => {
    expect(render('https://nginx.org/')).toContain('target="_blank"')
  })
})
