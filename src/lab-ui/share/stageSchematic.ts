// A hand-drawn schematic of the stage for the PNG export when the browser won't export a rendered
// copy of the DOM: users (colour + initials) on the left, the load balancer, and the servers with
// their status and the sessions in their memory. Same state, plainer picture.

import type { SimState } from '../../sim/types.ts'
import { userFill, userText } from '../../draw/palette.ts'
import { serverStatusText } from '../format.ts'

interface Box {
  x: number
  y: number
  w: number
  h: number
}

interface Colors {
  card: string
  ink: string
  muted: string
  line: string
  bad: string
  accent: string
}

export function drawSchematic(ctx: CanvasRenderingContext2D, sim: SimState, box: Box, c: Colors): void {
  const font = 'system-ui, sans-serif'
  ctx.fillStyle = c.card
  ctx.strokeStyle = c.line
  ctx.lineWidth = 1
  rounded(ctx, box, 12)
  ctx.fill()
  ctx.stroke()

  const users = sim.users.filter((u) => !u.left)
  const colW = box.w * 0.38
  const perRow = Math.max(1, Math.floor((colW - 16) / 30))
  users.forEach((u, i) => {
    const x = box.x + 24 + (i % perRow) * 30
    const y = box.y + 28 + Math.floor(i / perRow) * 30
    ctx.beginPath()
    ctx.arc(x, y, 12, 0, Math.PI * 2)
    // As on the stage: filled when logged in, hollow (a ring of their colour) when logged out.
    if (u.believesLoggedIn) {
      ctx.fillStyle = userFill(u.color)
      ctx.fill()
    } else {
      ctx.strokeStyle = userFill(u.color)
      ctx.lineWidth = 2
      ctx.stroke()
    }
    ctx.fillStyle = u.believesLoggedIn ? userText(u.color) : c.ink
    ctx.font = `bold 10px ${font}`
    ctx.textAlign = 'center'
    ctx.fillText(u.initials, x, y + 3.5)
  })

  const lb = { x: box.x + box.w * 0.45, y: box.y + box.h / 2 }
  ctx.textAlign = 'center'
  ctx.fillStyle = c.ink
  ctx.font = `600 13px ${font}`
  ctx.fillText('Load balancer', lb.x, lb.y)
  ctx.fillStyle = c.muted
  ctx.font = `11px ${font}`
  ctx.fillText(sim.config.policy, lb.x, lb.y + 16)

  const servers = sim.servers.filter((s) => s.status !== 'removed')
  const sx = box.x + box.w * 0.6
  const sw = box.w * 0.4 - 16
  const sh = Math.min(56, (box.h - 16) / Math.max(1, servers.length) - 8)
  servers.forEach((srv, i) => {
    const y = box.y + 12 + i * (sh + 8)
    const down = srv.status === 'crashed'
    ctx.strokeStyle = down ? c.bad : c.line
    ctx.lineWidth = 2
    rounded(ctx, { x: sx, y, w: sw, h: sh }, 8)
    ctx.stroke()
    ctx.textAlign = 'left'
    ctx.fillStyle = down ? c.bad : c.ink
    ctx.font = `600 12px ${font}`
    ctx.fillText(`Server ${srv.id} · ${serverStatusText(srv, sim.config.lb)}`, sx + 8, y + 17, sw - 16)
    ctx.fillStyle = c.muted
    ctx.font = `11px ${font}`
    ctx.fillText(`${srv.memory.size} sessions in memory · ${srv.requests} requests`, sx + 8, y + 33, sw - 16)
  })
  ctx.textAlign = 'left'
}

function rounded(ctx: CanvasRenderingContext2D, b: Box, r: number) {
  ctx.beginPath()
  ctx.roundRect(b.x, b.y, b.w, b.h, r)
}
