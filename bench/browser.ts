// Browser benchmarks are added with the animated lab (issue: the Lab). Until then, nothing to measure.

import type { BenchResult } from './engine.ts'

export async function browserBench(): Promise<BenchResult[]> {
  return []
}
