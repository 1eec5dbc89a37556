// Card text with `inline code` shown as code. Plain React text nodes: nothing is parsed as HTML.

export function CardText({ text }: { text: string }) {
  const parts = text.split('`')
  // Unbalanced backticks (the content test forbids them): show the text as written.
  if (parts.length % 2 === 0) return <>{text}</>
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-soft px-1 py-0.5 font-mono text-[0.88em]">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  )
}
