// imsmanifest.xml for a SCORM 1.2 package: one organization with one item (a single SCO — the
// package's lessons), its optional mastery score, and the resource listing every file. Written by
// hand (it is a dozen elements); the XSD files SCORM 1.2 packages sometimes carry are left out, as
// LMSs read the manifest without them (docs/DECISIONS.md). Build-time only.

export interface ManifestInput {
  /** Unique, stable package identifier (letters, digits, dashes). */
  readonly identifier: string
  /** The course or lesson title an LMS lists. */
  readonly title: string
  /** 0–100: the LMS reports passed/failed against it; null for completed/incomplete only. */
  readonly mastery: number | null
  /** The SCO's launch file, relative to the package root. */
  readonly launch: string
  /** Every file of the package except the manifest, relative paths with forward slashes. */
  readonly files: readonly string[]
}

export const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;')

export function imsManifest(m: ManifestInput): string {
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(m.identifier)) throw new Error(`Bad package identifier "${m.identifier}"`)
  if (m.mastery !== null && !(Number.isInteger(m.mastery) && m.mastery >= 0 && m.mastery <= 100)) throw new Error(`Mastery score must be a whole number 0–100, not ${m.mastery}`)
  const title = escapeXml(m.title)
  const files = [...new Set([m.launch, ...m.files])].map((f) => `      <file href="${escapeXml(f)}"/>`).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${m.identifier}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${m.identifier}-org">
    <organization identifier="${m.identifier}-org">
      <title>${title}</title>
      <item identifier="${m.identifier}-item" identifierref="${m.identifier}-sco" isvisible="true">
        <title>${title}</title>${m.mastery !== null ? `\n        <adlcp:masteryscore>${m.mastery}</adlcp:masteryscore>` : ''}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${m.identifier}-sco" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(m.launch)}">
${files}
    </resource>
  </resources>
</manifest>
`
}
