// The lab's on-demand part (onDemand.tsx): what only a page shows — the desk arrangement's columns,
// the sections below a compact lab's first screen, an embed's "More controls" sheet, with the design
// pickers in each (LabPageParts.tsx). Pages that show it at once (#/ and #/lab, lessons) import
// LabPageParts.tsx themselves and `provide` it, so it renders with the lab.

import { onDemand } from './onDemand.tsx'

export const pageParts = onDemand(() => import('./LabPageParts.tsx'))
