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
