// Lesson URLs: "05-techniques.mdx" → "techniques". The order prefix sorts files, not URLs.

export function slugOf(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\?.*$/, '').replace(/\.mdx$/, '').replace(/^\d+-/, '')
}
