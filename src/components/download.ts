// Save a file from the browser: a Blob (or text) behind a temporary object URL on an <a download>.
// Works without storage and inside iframes that allow downloads. Used by the lab's share menu (PNG,
// JSON trace) and the flashcards (progress export, the Anki deck, a damaged-data backup).

export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function downloadText(fileName: string, text: string, type: string): void {
  saveFile(new Blob([text], { type }), fileName)
}
