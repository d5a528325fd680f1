// What the keystroke bench measures, how often, and against what: read by the build, the measurements
// and the report alike, so a figure in a table heading is always the one that was measured.

export const FIELD_COUNT = 200
export const MOUNT_FIELD_COUNT = 30
export const RUNS = 5
export const THROTTLE = 4
/** 50 characters. */
export const TEXT = 'The quick brown fox jumps over the lazy dog, 12345'
/** Issue 16: typing and mount within 1.1× of the hand-written form; issue 7: rjsf at least 7× ours. */
export const GOALS = { oursVsHandWritten: 1.1, rjsfVsOurs: 7 }

export const CONTENDERS = [
  { id: 'ours', label: 'ours: <RegistrationScreenSet>' },
  { id: 'rjsf', label: 'react-jsonschema-form (core + ajv8)' },
  { id: 'rhf', label: 'hand-written react-hook-form + zod/mini' },
]
/** Not a contender: React alone with bare inputs, the floor under any React form's keystroke cost. */
export const REFERENCE = { id: 'bare', label: 'reference: React 19 alone, bare uncontrolled inputs' }
export const MEASURED = [...CONTENDERS, REFERENCE]
/** The pages to build: one per measured form, and both widgets against the emulator. */
export const PAGES = [...MEASURED.map((page) => page.id), 'requests']
