import type { AccountsMethod } from '../accounts'

/**
 * Where a call's `regToken` comes from when the machine cannot name it: a new registration token
 * (`accounts.initRegistration`, full or lite), fetched ahead of the submit and renewed once if the
 * server refuses it, or one bound to a lite account (`accounts.initProgression` with the site's lite
 * token). The runner puts it in `params.regToken`.
 */
export type TokenSource = { kind: 'registration' } | { kind: 'lite' } | { kind: 'progression'; liteToken: string }

/** A call a machine asks for: the method, its parameters, and where its `regToken` comes from. */
export interface FlowCall {
  method: AccountsMethod
  params: Readonly<Record<string, unknown>>
  /** Fill `params.regToken` from this source (absent: the params are complete). */
  token?: TokenSource
}

/** The answer to the call a machine asked for, fed back to it as an event. `at`: epoch ms. */
export type FlowAnswer =
  | { type: 'answered'; call: FlowCall; response: unknown; at: number }
  | { type: 'failed'; call: FlowCall; error: unknown; at: number }

/** What a machine decides: the next state, the call to make (if any), and a failure for the screen. */
export interface FlowStep<S> {
  state: S
  call?: FlowCall
  /**
   * A failed call that keeps the screen: its messages belong on the screen's fields and form
   * (`classifyError`). Absent when the failure moved the flow on (an interruption).
   */
  failure?: { error: unknown; call: FlowCall }
}

/**
 * A screen-set as a pure machine: `state + event → next state + the call to make`. No React, no
 * network, no clock: time comes in the events. The React runner (`useFlow`) makes the calls and
 * feeds the answers back until the machine asks for none.
 */
export interface FlowMachine<S, E> {
  transition(state: S, event: E | FlowAnswer): FlowStep<S>
}
