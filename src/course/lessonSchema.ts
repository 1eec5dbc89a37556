// The lesson frontmatter contract, validated at build time (the lesson index plugin) and by the
// content test. The app imports only the type, so zod stays out of the browser bundle.

import { z } from 'zod'
import { SCENARIO_IDS } from '../sim/scenarios/scenario.ts'
import { TOPIC_KEYS } from './syllabus.ts'

export const lessonFrontmatter = z.strictObject({
  title: z.string().min(3).max(90),
  summary: z.string().min(20).max(220),
  order: z.number().int().min(1),
  scenarios: z.array(z.enum(SCENARIO_IDS)).min(1),
  covers: z.array(z.enum(TOPIC_KEYS as [string, ...string[]])).min(1),
})

export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>

