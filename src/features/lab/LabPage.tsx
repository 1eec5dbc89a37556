// #/lab?scenario=…: the full lab. An unknown scenario gets a plain notice and the default scene.

import { useEffect, useRef } from 'react'
import { isScenarioId, LANDING_SCENARIO, type ScenarioId } from '../../sim/scenarios/index.ts'
import { Notice } from '../../components/Notice.tsx'
import { navigate, useRoute } from '../../app/router.ts'
import { LabProvider, useLabStore } from '../../store/LabContext.tsx'
import { Lab } from './Lab.tsx'

export default function LabPage() {
  const route = useRoute()
  const asked = route.query.get('scenario')
  const valid: ScenarioId = asked !== null && isScenarioId(asked) ? asked : LANDING_SCENARIO
  return (
    <div className="mx-auto flex max-w-[1600px] flex-col gap-4 p-4">
      <h1 className="sr-only">Sticky Sessions Lab</h1>
      {asked !== null && !isScenarioId(asked) && (
        <Notice tone="warn" title="Unknown scenario">
          There is no scenario called “{asked}”, so the lab opened “{valid}” instead. Pick another one below.
        </Notice>
      )}
      <LabProvider init={{ scenario: valid }}>
        <FollowRoute scenario={valid} />
        <Lab onScenarioChange={(id) => navigate(`/lab?scenario=${id}`, { replace: true })} />
      </LabProvider>
    </div>
  )
}

/** When the URL names another scenario (a link was followed), load it into this lab. */
function FollowRoute({ scenario }: { scenario: ScenarioId }) {
  const store = useLabStore()
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    if (store.getState().scenarioId !== scenario) store.getState().load({ scenario })
  }, [scenario, store])
  return null
}
