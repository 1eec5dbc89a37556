// Wall-clock time for the study queue: refreshed on demand (after a grade) and every 30 s, so a
// card in a 1-minute learning step shows up without a reload.

import { useCallback, useEffect, useState } from 'react'

export function useNow(everyMs = 30_000): [number, () => void] {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), everyMs)
    return () => window.clearInterval(id)
  }, [everyMs])
  const refresh = useCallback(() => setNow(Date.now()), [])
  return [now, refresh]
}
