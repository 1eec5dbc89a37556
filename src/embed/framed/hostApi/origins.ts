// embed.html?origins=…: the origins a host names as allowed to drive the lab, separated by commas
// or spaces, each exactly an origin ("https://course.example.edu", no path); "*" allows any page.
// Anything else in the list is dropped and named, so a typo doesn't silently open or close the API.

export function readOrigins(query: URLSearchParams): { origins: string[]; rejected: string[] } {
  const raw = query.get('origins')
  if (raw === null) return { origins: [], rejected: [] }
  const origins: string[] = []
  const rejected: string[] = []
  for (const item of raw.split(/[\s,]+/).filter(Boolean).slice(0, 20)) {
    if (item === '*') origins.push('*')
    else {
      const origin = originOf(item)
      if (origin) origins.push(origin)
      else rejected.push(item.slice(0, 80))
    }
  }
  return { origins: [...new Set(origins)], rejected }
}

function originOf(item: string): string | null {
  try {
    const u = new URL(item)
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === item.replace(/\/$/, '') ? u.origin : null
  } catch {
    return null
  }
}
