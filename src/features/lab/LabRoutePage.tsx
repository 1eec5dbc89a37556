// Chooses between the landing page (#/) and the full lab (#/lab).

import { useRoute } from '../../app/router.ts'
import HomePage from './HomePage.tsx'
import LabPage from './LabPage.tsx'

export default function LabRoutePage() {
  const { path } = useRoute()
  return path === '/' ? <HomePage /> : <LabPage />
}
