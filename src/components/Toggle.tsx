// An on/off switch: a checkbox with role="switch" and a visible label.

export function Toggle({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange(on: boolean): void; hint?: string }) {
  return (
    <label className="relative inline-flex cursor-pointer items-center gap-2 text-sm" title={hint}>
      <input type="checkbox" role="switch" checked={checked} onChange={(e) => onChange(e.target.checked)} className="peer absolute inset-0 z-10 m-0 cursor-pointer appearance-none opacity-0" />
      <span aria-hidden="true" className="relative h-5 w-9 rounded-full border border-line bg-soft transition-colors peer-checked:border-accent peer-checked:bg-accent peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-accent after:absolute after:left-0.5 after:top-0.5 after:h-3.5 after:w-3.5 after:rounded-full after:bg-muted after:transition-transform peer-checked:after:translate-x-4 peer-checked:after:bg-accent-ink" />
      <span>{label}</span>
    </label>
  )
}
