// Turns the first validation issue of a share payload into words a learner can read ("intervention 3
// has a value this lab does not know"). Only schema paths and limits are quoted, never the input.

import type { core } from 'zod/mini'
import { formatClock } from '../../sim/trace.ts'

type Issue = core.$ZodIssue

export function describeIssue(issue: Issue | undefined): string {
  if (!issue) return 'it does not match the expected format'
  return `${where(issue.path)} ${what(issue, isTime(issue.path))}`
}

/** Times are shown as the lab's clock ("60:00.0"), not as milliseconds. */
function isTime(path: readonly PropertyKey[]): boolean {
  return path[0] === 't' || (path[0] === 'i' && path[2] === 0)
}

function where(path: readonly PropertyKey[]): string {
  const [head, second, third, ...more] = path
  if (head === 't') return 'the moment to open at'
  if (head === 'k') return 'the seed'
  if (head === 'v') return 'the format version'
  if (head === 'c') return second === undefined ? 'the settings' : `the setting “${[second, third, ...more].filter((x) => typeof x === 'string').join('.')}”`
  if (head === 'i') {
    if (typeof second !== 'number') return 'the list of interventions'
    const item = `intervention ${second + 1}`
    if (third === 0) return `the time of ${item}`
    const field = more.find((x) => typeof x === 'string')
    return field && field !== 'kind' ? `${item} (its “${field}”)` : item
  }
  return 'the saved run'
}

function what(issue: Issue, time: boolean): string {
  const show = (n: number | bigint) => (time ? formatClock(Number(n)) : String(n))
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'array' ? `is too long (at most ${issue.maximum} items)` : `is too large (at most ${show(issue.maximum)})`
    case 'too_small':
      return `is too small (at least ${show(issue.minimum)})`
    case 'invalid_type':
      return issue.expected === 'int' ? 'is not a whole number' : `has the wrong type (expected ${issue.expected})`
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_format':
      return 'has a value this lab does not know'
    default:
      return 'is not valid'
  }
}
