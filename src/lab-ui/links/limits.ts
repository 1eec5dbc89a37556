// Limits and the version of the share format, kept apart from the zod schemas so code that only
// writes links (the lab's share menu) doesn't load the validator.

export const SHARE_VERSION = 1
/** The latest moment a link can open at: replaying further would take too long in a browser. */
export const MAX_AT_MS = 3_600_000
/** Dragging the users slider records an intervention per step: leave room for many. */
export const MAX_SCRIPT_ITEMS = 1_000
export const MAX_SEED = 2_147_483_647
/** Longer than any link the lab writes (MAX_SCRIPT_ITEMS interventions); bounds decompression work. */
export const MAX_ENCODED_LENGTH = 20_000
