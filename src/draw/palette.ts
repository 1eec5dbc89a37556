// User colours: the Okabe–Ito colour-blind-safe palette (plus a neutral grey), each with a text colour
// that keeps ≥ 4.5:1 contrast for the initials drawn on it. Colour is never the only cue: every
// user also shows initials.

export const USER_FILL = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#B8B8B8'] as const
export const USER_TEXT = ['#000000', '#000000', '#000000', '#000000', '#FFFFFF', '#000000', '#000000', '#000000'] as const

export function userFill(color: number): string {
  return USER_FILL[color % USER_FILL.length]!
}

export function userText(color: number): string {
  return USER_TEXT[color % USER_TEXT.length]!
}

/**
 * A user's avatar colours. Logged in: filled with the user's colour. Logged out (no session on the
 * server side of their story): hollow — a ring of their colour around the page's own ink, so the
 * initials keep full contrast (a faded fill would not).
 */
export function avatarStyle(color: number, loggedIn: boolean): { background: string; color: string; border?: string } {
  return loggedIn
    ? { background: userFill(color), color: userText(color) }
    : { background: 'var(--color-card)', color: 'var(--color-ink)', border: `2px solid ${userFill(color)}` }
}
