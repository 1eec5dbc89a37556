// A tiny argument reader for the CLI: `--flag value`, repeated flags, boolean flags. Unknown flags
// are errors, reported as one line.

export class CliError extends Error {}

export interface ParsedArgs {
  values: Map<string, string[]>
  flags: Set<string>
}

export function parseArgs(args: readonly string[], spec: { values: readonly string[]; flags: readonly string[] }): ParsedArgs {
  const values = new Map<string, string[]>()
  const flags = new Set<string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (!arg.startsWith('--')) throw new CliError(`unexpected argument "${arg}"`)
    const eq = arg.indexOf('=')
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2)
    if (spec.flags.includes(name)) {
      flags.add(name)
      continue
    }
    if (!spec.values.includes(name)) throw new CliError(`unknown option --${name}`)
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i]
    if (value === undefined) throw new CliError(`--${name} needs a value`)
    values.set(name, [...(values.get(name) ?? []), value])
  }
  return { values, flags }
}

export function one(p: ParsedArgs, name: string): string | undefined {
  const v = p.values.get(name)
  if (v && v.length > 1) throw new CliError(`--${name} given more than once`)
  return v?.[0]
}

export function intArg(p: ParsedArgs, name: string, lo: number, hi: number): number | undefined {
  const raw = one(p, name)
  if (raw === undefined) return undefined
  if (!/^-?\d+$/.test(raw)) throw new CliError(`--${name} must be a whole number, got "${raw}"`)
  const n = Number(raw)
  if (n < lo || n > hi) throw new CliError(`--${name} must be between ${lo} and ${hi}, got ${n}`)
  return n
}

export function numberArg(p: ParsedArgs, name: string, lo: number, hi: number): number | undefined {
  const raw = one(p, name)
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(n)) throw new CliError(`--${name} must be a number, got "${raw}"`)
  if (n < lo || n > hi) throw new CliError(`--${name} must be between ${lo} and ${hi}, got ${n}`)
  return n
}
