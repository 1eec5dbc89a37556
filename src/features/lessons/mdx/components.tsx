// The one registry of what lesson MDX can use (react.dev style): the lesson anatomy, live scenes,
// diagrams, and styled markdown elements.

import { MigrationWalkthrough } from '../scene/MigrationWalkthrough.tsx'
import { Scene } from '../scene/Scene.tsx'
import { Callout, Intro, Recap, YouWillLearn } from './Blocks.tsx'
import { CodeBlock } from './CodeBlock.tsx'
import { Diagram } from './Diagram.tsx'
import { H2, H3, Link, Table } from './Prose.tsx'

export const LESSON_COMPONENTS = {
  Intro,
  YouWillLearn,
  Recap,
  Callout,
  Diagram,
  Scene,
  MigrationWalkthrough,
  h2: H2,
  h3: H3,
  a: Link,
  pre: CodeBlock,
  table: Table,
}
