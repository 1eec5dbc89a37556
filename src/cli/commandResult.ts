// What every CLI command returns instead of touching the process: its output and exit status.

export interface CommandResult {
  stdout: string
  stderr: string
  code: number
}
