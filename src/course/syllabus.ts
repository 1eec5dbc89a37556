// The syllabus: every section of the article the course is built on, as a stable topic key. A
// lesson's frontmatter `covers` names the topics it teaches; the content test checks that together
// the lessons cover all of them.

export const TOPICS = {
  problem: 'The opening problem: scale out, get logged out',
  definition: 'What are sticky sessions? (definition)',
  'why-exist': 'Why sticky sessions exist',
  'how-it-works': 'How sticky sessions work (step by step)',
  techniques: 'Common techniques: cookie, IP hash, header',
  'vs-stateless': 'Sticky sessions vs stateless apps',
  'when-useful': 'When sticky sessions are actually useful',
  risks: 'Why sticky sessions can be risky',
  alternatives: 'Better alternatives: shared sessions, tokens',
  nginx: 'A practical example: nginx session affinity',
  kubernetes: 'A practical example: Kubernetes Service session affinity',
  migration: 'Migration plan: from sticky to stateless',
  interview: 'Interview questions',
  'recap-assumptions': 'Conclusion (and the lab’s assumptions)',
} as const

export type Topic = keyof typeof TOPICS
export const TOPIC_KEYS = Object.keys(TOPICS) as Topic[]
