// The cards page inside framer-motion's providers. The card flip is the only framer-motion animation
// left in the app (the lab animates in CSS), so the providers live here: every other page, and
// embed.html, load no animation library at all (docs/DECISIONS.md, 2026-11-30).

import { domAnimation, LazyMotion, MotionConfig } from 'framer-motion'
import { usePrefs } from '../../store/prefs.ts'
import CardsPage from './CardsPage.tsx'

export default function MotionCardsPage() {
  const reduceMotion = usePrefs((p) => p.reduceMotion)
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion={reduceMotion === 'on' ? 'always' : 'user'}>
        <CardsPage />
      </MotionConfig>
    </LazyMotion>
  )
}
