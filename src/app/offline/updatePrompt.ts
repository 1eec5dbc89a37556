// "A new version of the lab is ready — Reload": shown when a newer deploy's service worker is
// waiting. Plain DOM (no React: this lazy chunk stays tiny and shares nothing with the app's), text
// only, announced politely; Later hides it until the next visit. Styled with the app's utilities.

const BUTTON = 'inline-flex min-h-9 items-center rounded-md px-3 font-medium'

export function showUpdatePrompt(onReload: () => void): void {
  if (document.getElementById('ssl-update')) return
  const box = document.createElement('div')
  box.id = 'ssl-update'
  box.setAttribute('role', 'status')
  box.setAttribute('aria-live', 'polite')
  box.dataset.testid = 'update-prompt'
  box.className = 'fixed inset-x-3 bottom-3 z-50 mx-auto flex max-w-md flex-wrap items-center gap-3 rounded-lg border border-line bg-card px-4 py-3 text-sm text-ink shadow-lg'
  const text = document.createElement('p')
  text.className = 'min-w-0 flex-1'
  text.textContent = 'A new version of the lab is ready.'
  const reload = document.createElement('button')
  reload.type = 'button'
  reload.className = `${BUTTON} border border-accent bg-accent text-accent-ink hover:brightness-110`
  reload.textContent = 'Reload'
  reload.addEventListener('click', () => {
    reload.disabled = true
    reload.textContent = 'Reloading…'
    onReload()
  })
  const later = document.createElement('button')
  later.type = 'button'
  later.className = `${BUTTON} hover:bg-soft`
  later.textContent = 'Later'
  later.addEventListener('click', () => box.remove())
  box.append(text, reload, later)
  document.body.append(box)
}
