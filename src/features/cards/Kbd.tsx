// A key hint ("Space", "1") shown on buttons while keyboard shortcuts are on (not on touch screens).

export function Kbd({ children }: { children: string }) {
  return (
    <kbd aria-hidden="true" className="rounded border border-line bg-page px-1.5 [@media(pointer:coarse)]:hidden py-0.5 font-mono text-[11px] font-medium leading-none text-muted">
      {children}
    </kbd>
  )
}
