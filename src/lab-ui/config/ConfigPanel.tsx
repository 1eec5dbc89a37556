// The body of "Config for this design" (a lazy chunk): the real configuration of the run's load
// balancer and design, written by src/sim/products/config, in the product's format (a choice where there
// are two: ALB's AWS CLI or Terraform, Cloudflare's API or Terraform), with a Copy button. The text
// follows the run — servers crashing, draining or joining change it — but is only rewritten when the
// design it shows changes.

import { useMemo, useRef, useState } from 'react'
import { Button } from '../../components/Button.tsx'
import { Segmented } from '../../components/Segmented.tsx'
import { CONFIG_FORMATS, configText, designOf, type ConfigFormatId } from '../../sim/products/config/index.ts'
import { LB_PRODUCTS } from '../../sim/products/registry.ts'
import { useLabStore } from '../../store/LabContext.tsx'
import { useThrottledLab } from '../../store/useThrottled.ts'
import { askedPolicy } from './askedPolicy.ts'

export default function ConfigPanel({ context }: { context?: string }) {
  const store = useLabStore()
  const sim = useThrottledLab((s) => s.sim, 250)
  const asked = askedPolicy({ ...store.getState(), sim })
  const design = designOf(sim, asked)
  const key = JSON.stringify(design)
  const lb = design.settings.lb
  const formats = CONFIG_FORMATS[lb]
  const [chosen, setChosen] = useState<ConfigFormatId | null>(null)
  const format = formats.find((f) => f.id === chosen) ?? formats[0]!
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the design
  const text = useMemo(() => configText(design, format.id).text, [key, format.id])
  const pre = useRef<HTMLPreElement>(null)
  const [message, setMessage] = useState('')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setMessage(`Copied ${format.label} to the clipboard.`)
    } catch {
      // No clipboard (an insecure page, a blocked permission): select the text so Ctrl+C copies it.
      const el = pre.current
      const sel = window.getSelection()
      if (el && sel) {
        const range = document.createRange()
        range.selectNodeContents(el)
        sel.removeAllRanges()
        sel.addRange(range)
      }
      setMessage('The clipboard is not available here: the text is selected — press Ctrl+C (⌘C on a Mac) to copy it.')
    }
  }
  const label = `${format.label} for ${LB_PRODUCTS[lb].label}${context !== undefined ? ` (${context})` : ''}`
  return (
    <div className="flex flex-col gap-2" data-testid="config-panel" data-lb={lb} data-format={format.id}>
      <p className="text-xs text-muted">
        The real configuration for <strong className="text-ink">{LB_PRODUCTS[lb].label}</strong> with this run’s servers and settings, as they are now. Comments say what the product cannot do.
      </p>
      <div className="flex flex-wrap items-end justify-between gap-2">
        {formats.length > 1 ? (
          <Segmented<ConfigFormatId> label="Format" value={format.id} onChange={setChosen} options={formats.map((f) => ({ value: f.id, label: f.label }))} />
        ) : (
          <span className="font-mono text-xs text-muted">{format.file}</span>
        )}
        <div className="flex items-center gap-2">
          <p role="status" className="text-xs text-muted" data-testid="config-copy-status">
            {message}
          </p>
          <Button size="sm" onClick={() => void copy()} aria-label={`Copy ${label}`} className="shrink-0">
            Copy
          </Button>
        </div>
      </div>
      <pre ref={pre} tabIndex={0} aria-label={label} className="max-h-96 overflow-auto rounded-md border border-line bg-soft p-2 font-mono text-[12px] leading-snug text-ink focus-visible:outline focus-visible:outline-3 focus-visible:outline-accent" data-testid="config-text">
        {text}
      </pre>
    </div>
  )
}
