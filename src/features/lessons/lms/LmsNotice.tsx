// The one short notice a lesson page shows when an LMS package can't report to its LMS.

import { useStore } from 'zustand'
import { Notice } from '../../../components/Notice.tsx'
import { lmsStatus, PROBLEM_TEXT } from './lmsStatus.ts'

export function LmsNotice() {
  const problem = useStore(lmsStatus, (s) => (s.dismissed ? null : s.problem))
  if (!problem) return null
  const t = PROBLEM_TEXT[problem]
  return (
    <div className="mb-4" data-testid="lms-notice" data-problem={problem}>
      <Notice tone="warn" title={t.title} onDismiss={() => lmsStatus.getState().dismiss()}>
        {t.body}
      </Notice>
    </div>
  )
}
