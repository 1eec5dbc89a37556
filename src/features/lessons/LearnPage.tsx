// #/learn and #/learn/<slug>: the lesson index, or one lesson (an unknown slug gets a plain message).

import { useRoute } from '../../app/router.ts'
import { LessonIndex } from './LessonIndex.tsx'
import { LessonPage } from './LessonPage.tsx'
import './lessons.css'

export default function LearnPage() {
  const { path } = useRoute()
  const slug = path.replace(/^\/learn\/?/, '').replace(/\/$/, '')
  return slug === '' ? <LessonIndex /> : <LessonPage slug={decodeSlug(slug)} />
}

function decodeSlug(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
