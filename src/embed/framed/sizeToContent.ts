// The signal between the host-page integrations and the embed's layout: a resize protocol that hears
// from a host which sizes the frame to the content (H5P's resizer once it says hello) dispatches this
// event on the window, and the embed switches from fitting the frame to a natural height
// (EmbedApp.tsx) — a frame sized to a layout that is sized to the frame would never settle.

export const SIZE_TO_CONTENT = 'sticky-lab:size-to-content'

export function announceSizeToContent(win: Window): void {
  win.dispatchEvent(new Event(SIZE_TO_CONTENT))
}

/** The secret WordPress adds to an oEmbed frame's URL (`#?secret=…`): it sizes the frame to our height. */
export function wordpressSecret(hash: string): string | null {
  return /[#?&]secret=([A-Za-z0-9]{1,64})(?:&|$)/.exec(hash)?.[1] ?? null
}
