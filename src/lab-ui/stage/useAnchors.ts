// Measures where the stage's nodes are (user chips, the LB, server cards, the store) so the canvas can
// draw requests between them, which areas it must leave clear (the LB's and servers' words), and where the stage itself sits in the page (so the canvas can find its
// on-screen slice each frame without asking for layout). Re-measured on resize, when nodes come and
// go (at most ten times a second), and a few times a second as well.

import { useEffect, useRef, type RefObject } from 'react'
import type { ServerId } from '../../sim/types.ts'
import type { Anchors, Point } from '../../draw/geometry.ts'

export interface AnchorMap extends Anchors {
  readonly users: ReadonlyMap<number, Point>
  readonly servers: ReadonlyMap<string, Point>
  /** The stage's box: its top in page coordinates (add the window's scroll), width and height. */
  readonly stage: { readonly pageTop: number; readonly width: number; readonly height: number }
  /** Areas with words the request lines must not cross (`data-keepout`), as x, y, width, height runs. */
  readonly keepOut: readonly number[]
}

/** Re-measuring forces a layout; mutations come in bursts, so at most this often. */
const MIN_GAP_MS = 100

function measure(root: HTMLElement): AnchorMap {
  const box = root.getBoundingClientRect()
  const center = (r: DOMRect): Point => ({ x: r.left - box.left + r.width / 2, y: r.top - box.top + r.height / 2 })
  const users = new Map<number, Point>()
  const avatars: [number, DOMRect][] = []
  const servers = new Map<string, Point>()
  let lb: Point = { x: box.width / 2, y: box.height / 2 }
  for (const el of root.querySelectorAll<HTMLElement>('[data-anchor]')) {
    const [kind, id] = (el.dataset.anchor ?? '').split(':')
    if (kind === 'user') avatars.push([Number(id), el.getBoundingClientRect()])
    else if (kind === 'server') servers.set(id!, center(el.getBoundingClientRect()))
    else if (kind === 'lb') lb = center(el.getBoundingClientRect())
  }
  // A user's requests leave from the edge of their avatar that faces the load balancer, not its
  // middle: the lines never cross the user's own initials.
  for (const [id, r] of avatars) {
    const c = center(r)
    const dx = lb.x - c.x
    const dy = lb.y - c.y
    const d = Math.hypot(dx, dy)
    const radius = Math.min(r.width, r.height) / 2
    users.set(id, d > radius ? { x: c.x + (dx / d) * radius, y: c.y + (dy / d) * radius } : c)
  }
  const keepOut: number[] = []
  for (const el of root.querySelectorAll<HTMLElement>('[data-keepout]')) {
    const r = el.getBoundingClientRect()
    if (r.width > 0 && r.height > 0) keepOut.push(r.left - box.left, r.top - box.top, r.width, r.height)
  }
  return {
    users,
    servers,
    keepOut,
    stage: { pageTop: box.top + window.scrollY, width: box.width, height: box.height },
    lb,
    user: (id: number) => users.get(id),
    server: (id: ServerId) => servers.get(id),
  }
}

/**
 * `fixed`: the stage lays its nodes out in cells of planned sizes (the lab's Stage), so nothing moves
 * unless the box is resized, the plan changes or nodes come and go — session chips churning inside a
 * tile can't move an anchor. Then only the lists' own children are watched, and there is no polling.
 * Without it (compare's columns grow with their chips) the whole subtree is watched and re-measured
 * a few times a second as well.
 */
export function useAnchors(root: RefObject<HTMLElement | null>, { fixed = false }: { fixed?: boolean } = {}): RefObject<AnchorMap | null> {
  const anchors = useRef<AnchorMap | null>(null)
  useEffect(() => {
    const el = root.current
    if (!el) return
    let pending = 0
    let timer = 0
    let last = -Infinity
    const update = () => {
      if (pending !== 0 || timer !== 0) return
      timer = window.setTimeout(() => {
        timer = 0
        pending = requestAnimationFrame(() => {
          pending = 0
          last = performance.now()
          anchors.current = measure(el)
          // A node with words can grow (the latest decision gets longer): its keep-out area and the
          // anchors near it move, so watch those boxes too (observing an element twice is a no-op).
          if (fixed) for (const k of el.querySelectorAll('[data-keepout]')) resize.observe(k)
        })
      }, Math.max(0, last + MIN_GAP_MS - performance.now()))
    }
    update()
    const resize = new ResizeObserver(update)
    resize.observe(el)
    // Content above the stage growing or shrinking moves it down the page.
    resize.observe(document.body)
    // Cards appear, vanish and grow (users arrive, servers are added, session chips pile up).
    // With a fixed layout only a change to the plan (the stage's attributes) or to a list of nodes
    // (`data-anchor-list`: users come and go, servers are added) matters, not chips or words changing.
    const relevant = (r: MutationRecord) => r.target === el || (r.target instanceof Element && r.target.hasAttribute('data-anchor-list'))
    const mutations = new MutationObserver((records) => {
      if (!fixed || records.some(relevant)) update()
    })
    mutations.observe(el, { childList: true, subtree: true, ...(fixed ? { attributes: true, attributeFilter: ['style', 'data-layout', 'data-users', 'data-servers'] } : {}) })
    // A card growing moves its neighbours without resizing anything we observe: re-measure a few
    // times a second as well (≈220 rectangles at most: well under a millisecond).
    const interval = fixed ? 0 : setInterval(update, 400)
    return () => {
      cancelAnimationFrame(pending)
      clearTimeout(timer)
      clearInterval(interval)
      resize.disconnect()
      mutations.disconnect()
    }
  }, [root, fixed])
  return anchors
}
