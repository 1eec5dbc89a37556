/// <reference types="vite-plugin-pwa/vanillajs" />
// The offline copy: registers the service worker vite-plugin-pwa generates at build time (Workbox,
// precaching every file of the app and the embed — lessons, cards, Mermaid and the other lazy chunks
// included), so after one visit the site works without a network. A new deploy is picked up on the
// next online visit: the new worker waits, and the page offers "New version — reload" (updatePrompt)
// instead of swapping code under a running lab. Loaded lazily from main.tsx; see docs/DECISIONS.md.

import { registerSW } from 'virtual:pwa-register'
import { showUpdatePrompt } from './updatePrompt.ts'

export function registerOffline(): void {
  // Not inside an LMS package (its LMS serves it) and only over http(s).
  if (document.querySelector('meta[name="ssl-lms"]') || !location.protocol.startsWith('http')) return
  const update = registerSW({
    onNeedRefresh: () => showUpdatePrompt(() => void update(true)),
    onRegisterError: (e: unknown) => console.warn('Sticky Sessions Lab: the offline copy could not be set up.', e),
  })
}
