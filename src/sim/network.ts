// Network delays of the model (illustrative round numbers, one way).

/** Browser ↔ load balancer, one way. */
export const CLIENT_MS = 40
/** Load balancer ↔ app server, one way. */
export const HOP_MS = 2
/** How long a finished request stays on the stage as a fading trail (sim time). */
export const TRAIL_MS = 1_500
