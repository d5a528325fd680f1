import type { AccountsClient } from '../../../src/accounts'
import type { FlowCall, FlowMachine, FlowStep, TokenSource } from '../../../src/flows'

/** Where the flow stands after an event, and the calls it made on the way. */
export interface Driven<S> {
  state: S
  failure?: FlowStep<S>['failure']
  methods: string[]
}

/** The token a call asks for, as the React runner gets it (here fresh each time: no cache to renew). */
async function tokenFrom(client: AccountsClient, source: TokenSource): Promise<string> {
  if (source.kind === 'progression') {
    return (await client.call('accounts.initProgression', { regToken: source.liteToken })).regToken
  }
  return (await client.initRegistration(source.kind === 'lite' ? { isLite: true } : {})).regToken
}

/**
 * A minimal runner, the React one (`useFlow`) without React or TanStack Query: feeds the event,
 * makes every call the machine asks for, feeds back each answer, until it asks for none.
 */
export async function drive<S, E>(
  machine: FlowMachine<S, E>,
  state: S,
  event: E,
  client: AccountsClient,
  now: () => number,
): Promise<Driven<S>> {
  const methods: string[] = []
  let step = machine.transition(state, event)
  while (step.call && !step.failure) {
    const call: FlowCall = step.call
    methods.push(call.method)
    const at = now()
    try {
      const params = call.token ? { ...call.params, regToken: await tokenFrom(client, call.token) } : call.params
      const response: unknown = await client.call(call.method, params as never)
      step = machine.transition(step.state, { type: 'answered', call, response, at })
    } catch (error) {
      step = machine.transition(step.state, { type: 'failed', call, error, at })
    }
  }
  return { state: step.state, ...(step.failure ? { failure: step.failure } : {}), methods }
}
