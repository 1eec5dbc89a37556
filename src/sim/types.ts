// The simulation's data model, one import for the whole engine: plain objects only. Time is integer
// milliseconds of *simulated* time (SimMs), never wall-clock time. Defined in types/: ids.ts,
// config.ts (what a run is set up with), events.ts (what the queue holds), state.ts (a run's state).

export * from './types/ids.ts'
export * from './types/config.ts'
export * from './types/events.ts'
export * from './types/state.ts'
