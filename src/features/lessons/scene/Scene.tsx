// A live scene in a lesson: predict → run → explain. The learner commits to an answer, runs an
// embedded lab (its own store, never autoplaying) through the scenario, and only then sees whether
// the guess was right and why. Several scenes on one page are fully independent. Predictions are
// saved (progress.ts): after a reload a scene shows the learner's last answer and its verdict.

import { useEffect, useId, useState, type ReactNode } from 'react'
import { href } from '../../../app/router.ts'
import { Button } from '../../../components/Button.tsx'
import { Notice } from '../../../components/Notice.tsx'
import { isScenarioId, SCENARIOS, type ScenarioId } from '../../../lab-ui/engine.ts'
import { createLabStore, type LabStore } from '../../../store/labStore.ts'
import { LabProvider } from '../../../store/LabContext.tsx'
import { formatClock } from '../../../lab-ui/format.ts'
import { Lab } from '../../../lab-ui/Lab.tsx'
import * as labPageParts from '../../../lab-ui/LabPageParts.tsx'
import { pageParts } from '../../../lab-ui/labParts.ts'
import { LabProofBadge } from '../../../lab-ui/proof/ProofBadge.tsx'
import { useLesson } from '../LessonContext.ts'
import { progressStore, savedScene } from '../progress.ts'
import { labQuery, runSpeed, toPatch, type SceneOverrides } from './sceneRun.ts'
import { useSceneHost } from './sceneHost.ts'

// A lesson's lab shows its pickers and panels below the stage at once, in the prose (no shift).
pageParts.provide(labPageParts)

export interface SceneProps {
  /** The scenario the scene runs (an id from src/sim/scenarios). */
  scenario: string
  question: string
  choices: readonly string[]
  answer: number
  overrides?: SceneOverrides
  children?: ReactNode
  /** Position among the lesson's scenes, added at build time by the lesson plugin. */
  sceneIndex?: string
}

export function Scene(props: SceneProps) {
  if (!isScenarioId(props.scenario) || props.choices.length < 2 || !props.choices[props.answer]) {
    return (
      <Notice tone="warn" title="This scene can't be shown">
        The lesson asks for a scene that doesn’t exist or is incomplete (“{props.scenario}”). The rest of the lesson still works.
      </Notice>
    )
  }
  return <SceneCard {...props} scenario={props.scenario} />
}

type Phase = 'predict' | 'running' | 'revealed'

function SceneCard({ scenario: id, question, choices, answer, overrides, children, sceneIndex }: SceneProps & { scenario: ScenarioId }) {
  const lesson = useLesson()
  const host = useSceneHost()
  const index = Number(sceneIndex ?? 0)
  const scenario = SCENARIOS[id]
  const [store] = useState<LabStore>(() => createLabStore({ scenario: id, overrides: toPatch(overrides) }))
  // Restore the saved prediction once: revealed if it was run to the end, else picked and ready.
  const [saved] = useState(() => (lesson ? savedScene(lesson.slug, index) : null))
  const [picked, setPicked] = useState<number | null>(saved && choices[saved.picked] !== undefined ? saved.picked : null)
  const [phase, setPhase] = useState<Phase>(saved?.ran && choices[saved.picked] !== undefined ? 'revealed' : 'predict')
  const name = useId()
  const questionId = useId()
  const statusId = useId()
  const explainId = useId()
  const speed = runSpeed(scenario.durationMs)
  const [runs] = useState(() => ({ count: 0 }))
  useEffect(() => host?.onLab?.(store), [host, store])

  // While running, reveal the answer as soon as the scenario's story has played out (or was skipped to).
  useEffect(() => {
    if (phase !== 'running') return
    let revealed = false
    const check = () => {
      if (revealed || store.getState().sim.now < scenario.durationMs) return
      revealed = true
      unsubscribe() // pausing below notifies subscribers again
      if (store.getState().playing) store.getState().pause()
      setPhase('revealed')
      if (lesson) progressStore.getState().finishScene(lesson.slug, index, lesson.sceneCount)
      if (picked !== null) host?.onAnswered?.({ scene: index + 1, choice: picked, right: picked === answer, firstTry: runs.count++ === 0 })
    }
    const unsubscribe = store.subscribe(check)
    check()
    return unsubscribe
  }, [phase, store, scenario.durationMs, lesson, index, host, picked, answer, runs])

  const run = () => {
    if (picked === null) return
    if (lesson) progressStore.getState().predict(lesson.slug, index, picked, picked === answer)
    store.getState().load({ scenario: id, overrides: toPatch(overrides), speed, playing: true })
    setPhase('running')
  }
  const again = () => {
    store.getState().load({ scenario: id, overrides: toPatch(overrides) })
    setPicked(null)
    setPhase('predict')
  }
  const correct = picked === answer

  return (
    <section id={`scene-${index + 1}`} tabIndex={-1} className="lesson-scene" aria-labelledby={questionId} data-testid="scene" data-scenario={id}>
      <header className="lesson-scene-head">
        <p className="lesson-scene-eyebrow">
          <span>Predict, run, explain</span>
          <span aria-hidden="true"> · </span>
          <span className="text-muted">{scenario.title}</span>
        </p>
        <a className="lesson-scene-open" href={host?.appHref ? host.appHref(href('/lab', labQuery(id, overrides))) : href('/lab', labQuery(id, overrides))} target={host?.appHref ? '_blank' : undefined} rel={host?.appHref ? 'noopener' : undefined}>
          Open in the full lab<span aria-hidden="true"> ↗</span>
        </a>
      </header>

      <fieldset className="lesson-scene-choices" disabled={phase !== 'predict'}>
        <legend id={questionId} className="lesson-scene-question">
          {question}
        </legend>
        {choices.map((choice, i) => (
          <label key={i} className="lesson-choice" data-picked={picked === i || undefined} data-answer={phase === 'revealed' && i === answer ? true : undefined}>
            <input type="radio" name={name} value={i} checked={picked === i} onChange={() => setPicked(i)} />
            <span className="flex-1">{choice}</span>
            {phase === 'revealed' && i === answer && <span className="lesson-choice-tag lesson-choice-tag-ok">✓ What happens</span>}
            {phase === 'revealed' && i === picked && i !== answer && <span className="lesson-choice-tag">Your guess</span>}
          </label>
        ))}
      </fieldset>

      <div className="lesson-scene-actions">
        {phase === 'predict' && (
          <Button look="primary" onClick={run} disabled={picked === null} aria-describedby={statusId} data-testid="scene-run">
            Run the scene
          </Button>
        )}
        {phase === 'running' && (
          <Button onClick={() => store.getState().seek(scenario.durationMs)} data-testid="scene-skip">
            Skip to the end
          </Button>
        )}
        {phase === 'revealed' && (
          <Button onClick={again} data-testid="scene-again">
            Try again
          </Button>
        )}
        <p id={statusId} className="text-sm text-muted" data-testid="scene-status">
          {phase === 'predict' && (picked === null ? 'Pick an answer first, then run the scene.' : `Runs ${formatClock(scenario.durationMs)} of simulated time at ${speed}×.`)}
          {phase === 'running' && `Running at ${speed}× until ${formatClock(scenario.durationMs)}… watch the metrics.`}
          {phase === 'revealed' && (
            <a href={`#${explainId}`} onClick={(e) => jumpTo(e, explainId)} className="text-accent underline">
              {correct ? 'You called it — read why below the lab' : 'Not this time — see what happened below the lab'}
            </a>
          )}
        </p>
      </div>

      <div className="lesson-scene-lab not-prose">
        <p className="lesson-scene-lab-label">Live lab</p>
        <LabProvider store={store}>
          <Lab controls="minimal" picker={false} label={`Scene ${index + 1}: ${scenario.title}`} />
          <LabProofBadge appHref={host?.appHref} />
        </LabProvider>
      </div>

      {/* One sentence for screen readers; the explanation below is read where it stands (a live
          region around it read the verdict and the text as one run-on string: "None.None."). */}
      <p className="sr-only" aria-live="polite" data-testid="scene-verdict-live">
        {phase === 'revealed' && verdictSentence(correct, choices[picked ?? 0] ?? '', choices[answer] ?? '')}
      </p>
      <div>
        {phase === 'revealed' && (
          <div id={explainId} tabIndex={-1} className={`lesson-scene-result ${correct ? 'is-right' : 'is-wrong'}`} data-testid="scene-result" data-correct={correct}>
            <p className="lesson-scene-verdict">
              {correct ? (
                <strong>
                  <span aria-hidden="true">✓ </span>Your prediction was right.
                </strong>
              ) : (
                <>
                  <strong>
                    <span aria-hidden="true">✗ </span>Not quite.
                  </strong>{' '}
                  You guessed “{choices[picked ?? 0]}”. What happens: {fullStop(choices[answer] ?? '')}
                </>
              )}
            </p>
            {children}
          </div>
        )}
      </div>
    </section>
  )
}

const fullStop = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`)

function verdictSentence(correct: boolean, guess: string, answer: string): string {
  const rest = 'The explanation is below the lab.'
  return correct ? `Your prediction was right: ${fullStop(answer)} ${rest}` : `Not quite. You guessed “${guess}”. What happens: ${fullStop(answer)} ${rest}`
}

// The hash router owns "#…", so in-page jumps move focus and scroll themselves.
function jumpTo(e: { preventDefault(): void }, id: string) {
  e.preventDefault()
  const el = document.getElementById(id)
  el?.focus({ preventScroll: true })
  el?.scrollIntoView({ block: 'nearest' })
}
