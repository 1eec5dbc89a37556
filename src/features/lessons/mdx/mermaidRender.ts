// Mermaid, loaded on demand: the first diagram on a page imports it (so it never weighs on the first
// load), renders are queued because initialize() is global, and every render gets a fresh id —
// reusing ids (React StrictMode runs effects twice) makes Mermaid return broken SVG.
// Mermaid's theming takes hex colours only, so the palette mirrors styles.css by hand.

const FONT = "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

const LIGHT = {
  background: '#ffffff',
  fontFamily: FONT,
  primaryColor: '#e7f0fa',
  primaryTextColor: '#1b1b1f',
  primaryBorderColor: '#0b63b6',
  secondaryColor: '#eef0f4',
  tertiaryColor: '#f7f7f5',
  lineColor: '#55565e',
  textColor: '#1b1b1f',
  edgeLabelBackground: '#ffffff',
  noteBkgColor: '#fdf3dc',
  noteTextColor: '#1b1b1f',
  noteBorderColor: '#8a5300',
  actorBkg: '#e7f0fa',
  actorBorder: '#0b63b6',
  actorTextColor: '#1b1b1f',
  actorLineColor: '#55565e',
  signalColor: '#1b1b1f',
  signalTextColor: '#1b1b1f',
} as const

const DARK = {
  darkMode: true,
  background: '#1b1c22',
  fontFamily: FONT,
  primaryColor: '#1d2a3c',
  primaryTextColor: '#ececf1',
  primaryBorderColor: '#6cb4ff',
  secondaryColor: '#262832',
  tertiaryColor: '#16171c',
  lineColor: '#a9abb6',
  textColor: '#ececf1',
  edgeLabelBackground: '#1b1c22',
  noteBkgColor: '#3a3020',
  noteTextColor: '#ececf1',
  noteBorderColor: '#f0b54a',
  actorBkg: '#1d2a3c',
  actorBorder: '#6cb4ff',
  actorTextColor: '#ececf1',
  actorLineColor: '#a9abb6',
  signalColor: '#ececf1',
  signalTextColor: '#ececf1',
} as const

let queue: Promise<unknown> = Promise.resolve()
let seq = 0

/** Render a Mermaid chart to SVG markup in the light or dark palette. */
export function renderDiagram(chart: string, dark: boolean): Promise<string> {
  const id = `lesson-diagram-${++seq}`
  const job = queue.then(async () => {
    const { default: mermaid } = await import('mermaid')
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'base',
      themeVariables: dark ? DARK : LIGHT,
      flowchart: { useMaxWidth: true },
      sequence: { useMaxWidth: true },
    })
    const { svg } = await mermaid.render(id, chart)
    return svg
  })
  queue = job.catch(() => undefined)
  return job
}
