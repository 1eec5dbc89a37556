// Markdown elements in lessons: headings with a link to themselves (stable ids come from the
// build), links that know the hash router, and tables that scroll sideways on phones.

import { isValidElement, type ComponentProps } from 'react'
import { href } from '../../../app/router.ts'
import { useLesson } from '../LessonContext.ts'
import { useSceneHost } from '../scene/sceneHost.ts'

function HeadingLink({ id, text }: { id: string | undefined; text: string }) {
  const lesson = useLesson()
  if (!id || !lesson) return null
  return (
    <a href={href(`/learn/${lesson.slug}`, undefined, id)} className="lesson-heading-link" aria-label={`Link to “${text}”`}>
      #
    </a>
  )
}

/** The plain text of a heading's children (inline code included), for the link's accessible name. */
function textOf(children: unknown): string {
  if (typeof children === 'string' || typeof children === 'number') return String(children)
  if (Array.isArray(children)) return children.map(textOf).join('')
  if (isValidElement<{ children?: unknown }>(children)) return textOf(children.props.children)
  return ''
}

export function H2({ id, children, ...rest }: ComponentProps<'h2'>) {
  return (
    <h2 id={id} tabIndex={-1} {...rest}>
      {children}
      <HeadingLink id={id} text={textOf(children)} />
    </h2>
  )
}

export function H3({ id, children, ...rest }: ComponentProps<'h3'>) {
  return (
    <h3 id={id} tabIndex={-1} {...rest}>
      {children}
      <HeadingLink id={id} text={textOf(children)} />
    </h3>
  )
}

export function Link({ href: given = '', children, ...rest }: ComponentProps<'a'>) {
  // A scene embedded on its own lives in embed.html: the app's hash routes open from the app, in a new tab.
  const host = useSceneHost()
  const inApp = host?.appHref !== undefined && given.startsWith('#/')
  const to = inApp && host.appHref ? host.appHref(given) : given
  const external = inApp || /^https?:\/\//.test(to)
  return (
    <a href={to} {...rest} {...(external ? { target: '_blank', rel: 'noreferrer' } : {})}>
      {children}
      {external && <span className="sr-only"> (opens in a new tab)</span>}
    </a>
  )
}

export function Table(props: ComponentProps<'table'>) {
  return (
    <div className="lesson-table" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
      <table {...props} />
    </div>
  )
}
