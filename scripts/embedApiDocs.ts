// npm run docs:embed-api: writes the host API's JSON Schemas (generated from the code) into
// docs/EMBED_API.md. src/embed/framed/hostApi/docs.test.ts fails when they are out of date.

import { readFileSync, writeFileSync } from 'node:fs'
import { withSchemas } from '../src/embed/framed/hostApi/docSchema.ts'

const file = new URL('../docs/EMBED_API.md', import.meta.url)
const before = readFileSync(file, 'utf8')
const after = withSchemas(before)
writeFileSync(file, after)
process.stdout.write(after === before ? 'docs/EMBED_API.md: schemas already up to date\n' : 'docs/EMBED_API.md: schemas updated\n')
