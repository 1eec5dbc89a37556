// Chooses between the landing page (#/) and the full lab (#/lab).

import { useRoute } from '../../app/router.ts'
import HomePage from './HomePage.tsx'
import LabPage from './LabPage.tsx'
import * as labPageParts from '../../lab-ui/LabPageParts.tsx'
import { pageParts } from '../../lab-ui/labParts.ts'

// Both pages show the lab's side column (desk) or its sections below the stage at once.
pageParts.provide(labPageParts)

export default function LabRoutePage() {
  const { path } = useRoute()
  return path === '/' ? <HomePage /> : <LabPage />
}
