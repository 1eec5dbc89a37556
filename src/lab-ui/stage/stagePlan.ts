// How the stage lays itself out in the box it has: a pure function of the box (width × height), the
// number of users and servers and whether a session store is shown. The stage never scrolls; this
// picks the arrangement and the sizes that fit, and the components draw exactly that.
//
//  - wide:    users | load balancer | servers, side by side (room to the sides);
//  - stacked: a band of users, the load balancer in a row, the servers as tiles side by side.
//
// Users step down from cards (name and status) to avatars with initials to colour dots; servers from
// full cards (name, status, bar, session chips with initials, actions) to tiles (status, crash, small
// chips) to minis (one row). What a smaller size leaves out stays in each element's accessible name
// and in the table view. The sizes here are the CSS sizes (see styles.css `.stage-*`); change both.

export type UserTier = 'card' | 'avatar' | 'small' | 'dot'
export type ServerTier = 'card' | 'tile' | 'mini'
export type LbTier = 'full' | 'compact' | 'mini' | 'row'

export interface StageInput {
  width: number
  height: number
  users: number
  servers: number
  /** A shared store or database node is shown with the servers. */
  store: boolean
}

export interface UsersPlan {
  tier: UserTier
  /** Cell size in px (the avatar button or the dot); a card's height. */
  cell: number
  gap: number
  cols: number
  rows: number
}

export interface ServersPlan {
  tier: ServerTier
  cols: number
  rows: number
  tileW: number
  tileH: number
  /** Session chips a tile can show (the rest are summed up as "+N"). */
  chips: number
  /** Chip size in px. */
  chip: number
}

export interface StagePlan {
  layout: 'wide' | 'stacked'
  /** Column widths (wide) or row heights (stacked): users, load balancer, servers. */
  tracks: readonly [number, number, number]
  gap: number
  headings: boolean
  users: UsersPlan
  lb: LbTier
  servers: ServersPlan
  /** Height of the store node (0 when there is none). */
  storeH: number
  /** Nothing fitted: the smallest sizes are used and the stage may be cut off (a tiny box). */
  cramped: boolean
}

/** Section headings ("Users (18)", "Servers (3)"): line height plus margin. */
export const HEADING_H = 20

interface UserSize {
  tier: UserTier
  cell: number
  gap: number
  score: number
}
/** Cards are 38 px tall and at least 118 px wide; avatars and dots are squares. */
export const CARD_H = 38
export const CARD_MIN_W = 118
const USER_SIZES: readonly UserSize[] = [
  { tier: 'card', cell: CARD_H, gap: 4, score: 6 },
  { tier: 'avatar', cell: 28, gap: 2, score: 5.5 },
  { tier: 'small', cell: 24, gap: 2, score: 5 },
  { tier: 'dot', cell: 16, gap: 2, score: 3 },
  { tier: 'dot', cell: 12, gap: 2, score: 2.4 },
  { tier: 'dot', cell: 10, gap: 1, score: 1.8 },
  { tier: 'dot', cell: 8, gap: 1, score: 1.2 },
  { tier: 'dot', cell: 6, gap: 1, score: 0.6 },
]
/** Cards only for a small cast: a crowd reads better as faces. */
const MAX_CARD_USERS = 30

interface ServerSize {
  tier: ServerTier
  minW: number
  /** Height without chips. */
  fixed: number
  chip: number
  chipGap: number
  /** Horizontal padding + border, both sides. */
  padX: number
  score: number
}
export const SERVER_SIZES: readonly ServerSize[] = [
  { tier: 'card', minW: 190, fixed: 92, chip: 20, chipGap: 2, padX: 20, score: 6 },
  { tier: 'tile', minW: 92, fixed: 50, chip: 10, chipGap: 2, padX: 16, score: 4.5 },
  { tier: 'mini', minW: 72, fixed: 40, chip: 6, chipGap: 1, padX: 12, score: 2 },
]
const TILE_GAP = 6
/** Below this width a tile's status goes on its own line under the badge and the button (14 px). */
export const NARROW_TILE = 140
const STATUS_LINE = 14

/** A tile's height without chips: a narrow tile has its status on a line of its own. */
function fixedFor(size: ServerSize, tileW: number): number {
  return size.tier === 'tile' && tileW < NARROW_TILE ? size.fixed + STATUS_LINE : size.fixed
}

/** Width of the load balancer's column (wide) by tier, and the height each needs. */
export const LB_W: Record<Exclude<LbTier, 'row'>, number> = { full: 148, compact: 104, mini: 56 }
const LB_MIN_H: Record<Exclude<LbTier, 'row'>, number> = { full: 250, compact: 120, mini: 44 }
const LB_SCORE: Record<LbTier, number> = { full: 2, compact: 1.2, mini: 0.4, row: 1.4 }
/** The load balancer's row in the stacked layout. */
export const LB_ROW_H = 40

/** The store node: one line (tile) or a line and a row of chips (card). */
export const STORE_H = { card: 60, tile: 32 } as const

function fitUsers(n: number, w: number, h: number): UsersPlan | null {
  for (const s of USER_SIZES) {
    if (s.tier === 'card' && n > MAX_CARD_USERS) continue
    const cellW = s.tier === 'card' ? CARD_MIN_W : s.cell
    const cols = Math.max(1, Math.floor((w + s.gap) / (cellW + s.gap)))
    const rows = Math.max(1, Math.ceil(n / cols))
    if (cellW > w) continue
    if (rows * (s.cell + s.gap) - s.gap <= h) return { tier: s.tier, cell: s.cell, gap: s.gap, cols, rows }
  }
  return null
}

/** The smallest size, whatever it costs (used only when nothing fits). */
function smallestUsers(n: number, w: number): UsersPlan {
  const s = USER_SIZES[USER_SIZES.length - 1]!
  const cols = Math.max(1, Math.floor((w + s.gap) / (s.cell + s.gap)))
  return { tier: s.tier, cell: s.cell, gap: s.gap, cols, rows: Math.ceil(n / cols) }
}

const userScore = (u: UsersPlan) => USER_SIZES.find((s) => s.tier === u.tier && s.cell === u.cell)?.score ?? 0

function chipsFor(size: ServerSize, tileW: number, tileH: number): number {
  const perRow = Math.max(1, Math.floor((tileW - size.padX + size.chipGap) / (size.chip + size.chipGap)))
  const rows = Math.max(0, Math.floor((tileH - fixedFor(size, tileW) + size.chipGap) / (size.chip + size.chipGap)))
  return perRow * rows
}

/** The best grid of server tiles for an area, or null if not even minis fit. */
function fitServers(n: number, w: number, h: number, maxCols: number): ServersPlan | null {
  let best: { plan: ServersPlan; score: number } | null = null
  const count = Math.max(1, n)
  for (let cols = 1; cols <= Math.min(count, maxCols); cols++) {
    const rows = Math.ceil(count / cols)
    const tileW = Math.floor((w - (cols - 1) * TILE_GAP) / cols)
    const tileH = Math.floor((h - (rows - 1) * TILE_GAP) / rows)
    for (const size of SERVER_SIZES) {
      // At least one row of chips (minis may show none: they say how many in words).
      const need = size.tier === 'mini' ? size.fixed : fixedFor(size, tileW) + size.chip
      if (tileW < size.minW || tileH < need) continue
      // Prefer the best tier, then tiles near a comfortable shape (not slivers), then more chips.
      const aspect = tileW / tileH
      const ideal = size.tier === 'card' ? 2 : 1.8
      const shape = 1 - Math.min(1, Math.abs(Math.log(aspect / ideal)) / 2.5)
      // An empty slot in the grid is wasted room (3 servers in 2 × 2).
      const empty = (cols * rows - count) / count
      const score = size.score + shape + Math.min(1, chipsFor(size, tileW, tileH) / 40) * 0.5 - empty * 3
      if (!best || score > best.score) best = { plan: { tier: size.tier, cols, rows, tileW, tileH, chips: chipsFor(size, tileW, tileH), chip: size.chip }, score }
      break
    }
  }
  return best?.plan ?? null
}

const serverScore = (s: ServersPlan) => SERVER_SIZES.find((x) => x.tier === s.tier)?.score ?? 0

function storeHeight(store: boolean, tier: ServerTier): number {
  if (!store) return 0
  return tier === 'card' ? STORE_H.card : STORE_H.tile
}

interface Candidate {
  plan: StagePlan
  score: number
}

function wide(input: StageInput, lb: Exclude<LbTier, 'row'>, share: number): Candidate | null {
  const { width: W, height: H } = input
  const gap = W >= 720 ? 20 : 12
  const lbW = LB_W[lb]
  const rest = W - lbW - 2 * gap
  if (rest < 200) return null
  const headings = H >= 220
  const inner = H - (headings ? HEADING_H : 0)
  if (H < LB_MIN_H[lb]) return null
  const usersW = Math.floor(rest * share)
  const serversW = rest - usersW
  const users = fitUsers(input.users, usersW, inner)
  if (!users) return null
  // The store's height depends on the tier the servers get: try the tall store first.
  for (const storeTier of ['card', 'tile'] as const) {
    const storeH = input.store ? STORE_H[storeTier] : 0
    const servers = fitServers(input.servers, serversW, inner - (storeH > 0 ? storeH + TILE_GAP : 0), 3)
    if (!servers) continue
    if (input.store && storeTier === 'card' && servers.tier !== 'card') continue
    const plan: StagePlan = { layout: 'wide', tracks: [usersW, lbW, serversW], gap, headings, users, lb, servers, storeH, cramped: false }
    // A little credit for the wide layout itself: lines run sideways, the way the story reads.
    return { plan, score: userScore(users) + serverScore(servers) + LB_SCORE[lb] + 0.5 }
  }
  return null
}

function stacked(input: StageInput): Candidate | null {
  const { width: W, height: H } = input
  const gap = 8
  const headings = H >= 420
  const headH = headings ? HEADING_H : 0
  let best: Candidate | null = null
  // Try each users size from the largest; the servers get what is left.
  for (const size of USER_SIZES) {
    if (size.tier === 'card' && input.users > MAX_CARD_USERS) continue
    const cellW = size.tier === 'card' ? CARD_MIN_W : size.cell
    const cols = Math.max(1, Math.floor((W + size.gap) / (cellW + size.gap)))
    const rows = Math.ceil(input.users / cols)
    const usersH = rows * (size.cell + size.gap) - size.gap
    const users: UsersPlan = { tier: size.tier, cell: size.cell, gap: size.gap, cols, rows }
    for (const storeTier of ['card', 'tile'] as const) {
      const storeH = input.store ? STORE_H[storeTier] : 0
      const serversH = H - headH * 2 - usersH - LB_ROW_H - 2 * gap - (storeH > 0 ? storeH + TILE_GAP : 0)
      if (serversH <= 0) continue
      const servers = fitServers(input.servers, W, serversH, 5)
      if (!servers) continue
      if (input.store && storeTier === 'card' && servers.tier !== 'card') continue
      const plan: StagePlan = { layout: 'stacked', tracks: [usersH + headH, LB_ROW_H, serversH + headH], gap, headings, users, lb: 'row', servers: { ...servers }, storeH, cramped: false }
      // One row of servers under the LB: request lines reach each tile without crossing another.
      const oneRow = servers.rows === 1 ? 0.8 : 0
      const score = userScore(users) + serverScore(servers) + LB_SCORE.row + oneRow
      if (!best || score > best.score) best = { plan, score }
      break
    }
  }
  return best
}

/** The arrangement for this box. Always returns a plan; `cramped` says the box was too small for any. */
export function planStage(input: StageInput): StagePlan {
  const candidates: Candidate[] = []
  if (input.width >= 440) {
    for (const lb of ['full', 'compact', 'mini'] as const) {
      for (const share of [0.38, 0.46, 0.54]) {
        const c = wide(input, lb, share)
        if (c) candidates.push(c)
      }
    }
  }
  const s = stacked(input)
  if (s) candidates.push(s)
  if (candidates.length > 0) return candidates.reduce((a, b) => (b.score > a.score ? b : a)).plan
  // Nothing fits: the smallest stacked arrangement, cut off at the bottom rather than unreadable.
  const users = smallestUsers(input.users, input.width)
  const usersH = users.rows * (users.cell + users.gap)
  const mini = SERVER_SIZES[SERVER_SIZES.length - 1]!
  const cols = Math.max(1, Math.min(input.servers, Math.floor((input.width + TILE_GAP) / (mini.minW + TILE_GAP))))
  const rows = Math.ceil(Math.max(1, input.servers) / cols)
  const tileW = Math.floor((input.width - (cols - 1) * TILE_GAP) / cols)
  const storeH = storeHeight(input.store, 'mini')
  return {
    layout: 'stacked',
    tracks: [usersH, LB_ROW_H, rows * (mini.fixed + TILE_GAP)],
    gap: 6,
    headings: false,
    users,
    lb: 'row',
    servers: { tier: 'mini', cols, rows, tileW, tileH: mini.fixed, chips: 0, chip: mini.chip },
    storeH,
    cramped: true,
  }
}
