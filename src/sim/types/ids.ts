// The engine's identifiers and its unit of time.

/** Milliseconds of simulated time. Wall-clock milliseconds live only in src/store/playback.ts. */
export type SimMs = number

export const SERVER_IDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'] as const
export type ServerId = (typeof SERVER_IDS)[number]
/** Index of a user in `SimState.users`; never mixes with ServerId (a string). */
export type UserId = number
