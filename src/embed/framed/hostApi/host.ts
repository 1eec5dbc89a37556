// The host API on the embed's window: listens to messages from the origins the embed was told to
// trust (`origins=`), answers each command in order, sends events to whoever subscribed, and says
// `ready` to the parent once listening. Messages from any other origin are ignored without a word.
// Never throws: a failure inside becomes an error reply. See docs/EMBED_API.md.

import type { LabStore } from '../../../store/labStore.ts'
import { PROTOCOL, VERSION, type EventMessage, type EventName } from './client.ts'
import { watchEvents } from './events.ts'
import { errorMessage, handleMessage } from './handler.ts'
import { COMMANDS, EVENTS, SUBSCRIBABLE } from './protocol.ts'
import { snapshot } from './state.ts'
import { onSceneAnswer } from '../sceneBus.ts'

interface Subscriber {
  readonly source: MessageEventSource
  readonly origin: string
  readonly events: Set<EventName>
}

const target = (origin: string) => (origin === 'null' ? '*' : origin)

function post(to: MessageEventSource, message: unknown, origin: string) {
  try {
    ;(to as Window).postMessage(message, { targetOrigin: target(origin) })
  } catch {
    /* the host went away */
  }
}

export interface HostApi {
  /** Send an event to its subscribers (scenes report `sceneAnswered` through this). */
  emit<E extends EventName>(event: E, data: () => EventMessage<E>['data']): void
  stop(): void
}

export function startHostApi(win: Window, store: LabStore, trusted: readonly string[]): HostApi {
  const anyOrigin = trusted.includes('*')
  const subscribers: Subscriber[] = []
  let queue: Promise<void> = Promise.resolve()

  const emit: HostApi['emit'] = (event, data) => {
    const to = subscribers.filter((s) => s.events.has(event))
    if (to.length === 0) return
    const message: EventMessage = { protocol: PROTOCOL, version: VERSION, type: 'event', event, data: data() } as EventMessage
    for (const s of to) post(s.source, message, s.origin)
  }

  const onMessage = (e: MessageEvent) => {
    if (!anyOrigin && !trusted.includes(e.origin)) return
    const source = e.source
    if (!source) return
    const subscriptions = (events: readonly EventName[] | undefined, add: boolean): EventName[] => {
      let sub = subscribers.find((s) => s.source === source && s.origin === e.origin)
      if (!sub) subscribers.push((sub = { source, origin: e.origin, events: new Set() }))
      const list = events ?? SUBSCRIBABLE
      for (const ev of list) {
        if (add) sub.events.add(ev)
        else sub.events.delete(ev)
      }
      return SUBSCRIBABLE.filter((ev) => sub.events.has(ev))
    }
    // One command at a time, in the order they came: a `load` replaying to minute 20 finishes first.
    queue = queue.then(async () => {
      let answer
      try {
        answer = await handleMessage(e.data, { store, subscriptions })
      } catch {
        answer = errorMessage(null, 'not-possible', 'the lab could not handle that message')
      }
      if (answer) post(source, answer, e.origin)
    })
  }

  win.addEventListener('message', onMessage)
  const stopEvents = watchEvents(store, emit)
  const stopScenes = onSceneAnswer((a) => emit('sceneAnswered', () => a))

  // The handshake: tell the parent (on each trusted origin; others never see it) that the lab listens.
  const ready: EventMessage<'ready'> = { protocol: PROTOCOL, version: VERSION, type: 'event', event: 'ready', data: { version: VERSION, commands: [...COMMANDS], events: [...EVENTS], state: snapshot(store.getState()) } }
  const parent = win.parent !== win ? win.parent : win.opener
  if (parent) for (const origin of anyOrigin ? ['*'] : trusted) post(parent, ready, origin)

  return {
    emit,
    stop() {
      win.removeEventListener('message', onMessage)
      stopEvents()
      stopScenes()
      subscribers.length = 0
    },
  }
}
