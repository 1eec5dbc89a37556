// Code blocks, already highlighted at build time (Shiki, light and dark colours in one markup). The
// block scrolls sideways on small screens — focusable, so keyboards can scroll it too — and has a
// copy button.

import { useRef, useState, type ComponentProps } from 'react'

export function CodeBlock({ children, className = '', ...rest }: ComponentProps<'pre'>) {
  const ref = useRef<HTMLPreElement>(null)
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    const text = ref.current?.innerText ?? ''
    try {
      await navigator.clipboard.writeText(text)
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    } catch {
      /* clipboard blocked (insecure context, permissions): the code can still be selected */
    }
  }
  return (
    <div className="lesson-code">
      <pre ref={ref} tabIndex={0} className={className} {...rest}>
        {children}
      </pre>
      <button type="button" onClick={copy} className="lesson-code-copy">
        {copied ? 'Copied' : 'Copy'}
        <span className="sr-only"> code</span>
      </button>
    </div>
  )
}
