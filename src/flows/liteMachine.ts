import type { FlowAnswer, FlowMachine, FlowStep } from './machine'

/** SAP's `Default-LiteRegistration` screens. */
export type LiteScreen = 'subscribe' | 'thank-you'

/** What the thank-you screen says. */
export type LiteOutcome = 'subscribed' | 'pending-confirmation' | 'updated'

export interface LiteState {
  screen: LiteScreen
  /** thank-you: what happened to the subscription. */
  outcome?: LiteOutcome
  /**
   * subscribe: whether the submitted subscriptions wait for an emailed confirmation, kept from the
   * submit until its answer decides the outcome.
   */
  doubleOptIn?: boolean
}

export type LiteEvent =
  /**
   * The subscribe form, validated: `setAccountInfo`'s values (`profile`, `data`, `preferences`,
   * `subscriptions`, `regSource`; undefined ones are left out). `doubleOptIn`: a chosen subscription
   * needs an emailed confirmation (its schema says so).
   */
  | { type: 'submit'; values: Readonly<Record<string, unknown>>; doubleOptIn: boolean; at: number }
  /** "Subscribe another address": back to an empty form. */
  | { type: 'again' }

export type LiteMachine = FlowMachine<LiteState, LiteEvent>
export type LiteStep = FlowStep<LiteState>

export function initialLiteState(): LiteState {
  return { screen: 'subscribe' }
}

/**
 * The newsletter widget as a pure machine (SAP's lite registration): subscribe →
 * `setAccountInfo` with a lite registration token → thank-you. A failure keeps the form.
 */
export function createLiteMachine(): LiteMachine {
  return {
    transition(state, event: LiteEvent | FlowAnswer): LiteStep {
      switch (event.type) {
        case 'submit': {
          const params = Object.fromEntries(Object.entries(event.values).filter(([, value]) => value !== undefined))
          return {
            state: { screen: 'subscribe', doubleOptIn: event.doubleOptIn },
            call: { method: 'accounts.setAccountInfo', params, token: { kind: 'lite' } },
          }
        }
        case 'answered': {
          const newUser = (event.response as { newUser?: unknown } | null)?.newUser
          // Confirming by email matters most; otherwise say whether this address was new or updated.
          const outcome: LiteOutcome = state.doubleOptIn
            ? 'pending-confirmation'
            : newUser === false
              ? 'updated'
              : 'subscribed'
          return { state: { screen: 'thank-you', outcome } }
        }
        case 'failed':
          return { state, failure: { error: event.error, call: event.call } }
        case 'again':
          return { state: initialLiteState() }
        default:
          return { state }
      }
    },
  }
}
