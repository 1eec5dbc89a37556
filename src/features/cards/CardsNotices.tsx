// Messages about saved progress: storage blocked, a failed save, unreadable data (with its backup),
// and an undo for the last reset or import. Text only; nothing stored is rendered as HTML.

import { Notice } from '../../components/Notice.tsx'
import { DECK } from './deck.ts'
import { downloadText } from '../../components/download.ts'
import { BACKUP_KEY } from './progressStore.ts'
import { progressStore, useProgress } from './useProgress.ts'

const LINK = 'font-medium text-accent underline underline-offset-2'

export function CardsNotices() {
  const persistent = useProgress((s) => s.persistent)
  const saveFailed = useProgress((s) => s.saveFailed)
  const recovery = useProgress((s) => s.recovery)
  const snapshot = useProgress((s) => s.snapshot)
  const { restoreSnapshot, forgetSnapshot, dismissRecovery } = progressStore.getState()
  return (
    <div className="flex flex-col gap-2 empty:hidden">
      {DECK.problems.length > 0 && (
        <Notice tone="warn" title="Some cards could not be loaded">
          The deck file has {DECK.problems.length} problem{DECK.problems.length === 1 ? '' : 's'}; the {DECK.cards.length} valid cards are here. First: {DECK.problems[0]}
        </Notice>
      )}
      {!persistent && (
        <Notice title="Progress won’t be kept">
          This page can’t use your browser’s storage here (an embedded frame or strict privacy settings), so study works but is forgotten when you leave. Export your progress to keep it.
        </Notice>
      )}
      {persistent && saveFailed && (
        <Notice tone="warn" title="Your latest progress could not be saved">
          The browser refused to store it (storage may be full). Export your progress to keep it.
        </Notice>
      )}
      {recovery && (
        <Notice tone="warn" title={recovery.kind === 'partial' ? 'Some saved progress could not be read' : 'Your saved progress could not be read'} onDismiss={dismissRecovery}>
          <p>
            {recovery.message} {recovery.kind === 'partial' ? '' : 'You are starting with a fresh schedule. '}
            {recovery.backedUp ? `A copy of what was there is kept in this browser (“${BACKUP_KEY}”).` : 'It could not be copied inside the browser, so download it now if you want it.'}
          </p>
          <p className="mt-1">
            <button type="button" className={LINK} onClick={() => downloadText('sticky-sessions-cards-backup.txt', recovery.raw, 'text/plain')}>
              Download the saved data
            </button>
          </p>
        </Notice>
      )}
      {snapshot && (
        <Notice title={snapshot.label} onDismiss={forgetSnapshot}>
          <button type="button" className={LINK} onClick={restoreSnapshot}>
            Undo
          </button>{' '}
          to get your previous progress back.
        </Notice>
      )}
    </div>
  )
}
