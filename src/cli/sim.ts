// `npm run sim -- <command>`: the engine's headless face. Commands: list, run, route.
// Bad arguments print one line on stderr and exit with status 2 — never a stack trace.

import { CliError } from './args.ts'
import { listCommand, runCommand, type CliResult } from './runCommand.ts'
import { routeCommand } from './route.ts'

const USAGE = `usage: npm run sim -- <command> [options]

commands:
  list                                   scenario ids and titles
  run --scenario ID [--seed N] [--minutes M] [--lb nginx|haproxy|alb|kube-proxy|cloudflare]
      [--policy ID] [--storage memory|shared|database|jwt] [--servers N] [--json]
                                         run headless and print a report
  route --policy ip-hash|hash|hash-consistent --upstream "…" --key KEY [--key KEY]…
      [--failed SERVER]… [--explain]     the server real nginx would choose
  route --lb haproxy --balance source|"hdr(NAME)" [--hash-type map-based|consistent]
      --backend "…" --key KEY [--key KEY]… [--down SERVER]… [--explain]
                                         the server real HAProxy 2.6 would choose
`

export function main(argv: readonly string[]): CliResult {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'list':
        if (rest.length > 0) throw new CliError('list takes no options')
        return listCommand()
      case 'run':
        return runCommand(rest)
      case 'route':
        return routeCommand([...rest])
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return { stdout: USAGE, stderr: '', code: command === undefined ? 2 : 0 }
      default:
        throw new CliError(`unknown command "${command}" (commands: list, run, route)`)
    }
  } catch (err) {
    if (err instanceof CliError) return { stdout: '', stderr: `error: ${err.message}\n`, code: 2 }
    const message = err instanceof Error ? err.message : String(err)
    return { stdout: '', stderr: `error: ${message}\n`, code: 2 }
  }
}

// Run when executed directly (not when imported by tests).
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/cli/sim.ts')) {
  const result = main(process.argv.slice(2))
  process.stdout.write(result.stdout)
  process.stderr.write(result.stderr)
  process.exitCode = result.code
}
