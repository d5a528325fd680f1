import { useMutation } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { isAccountsError, type AccountsClient, type AccountsMethod } from '../accounts'
import type { FlowCall, FlowMachine, FlowStep, TokenSource } from '../flows'
import type { RegTokenHandle } from './useInitRegistration'

/** How a submit (or any event) ended: a failure the screen shows, or the last answer of its calls. */
export type FlowResult =
  /** The last call answered (or none was made). */
  | { kind: 'done'; response: unknown }
  /** The last call failed and the screen shows it (`classifyError`). */
  | { kind: 'failed'; error: unknown; method: AccountsMethod }
  /** The last call failed with an interruption that moved the flow to its screen (206001, 403100, …). */
  | { kind: 'moved'; error: unknown }
  /** The host's `onBeforeScreenLoad` refused the next screen: nothing changed. */
  | { kind: 'cancelled' }

export interface FlowRunnerOptions<S> {
  client: AccountsClient
  lang: string
  /**
   * The registration tokens of the flow (full, and lite for a lite flow), cached and prefetched by the
   * query client. None for a flow whose calls carry the session instead (the profile screen-set).
   */
  tokens?: { registration: RegTokenHandle; lite?: RegTokenHandle }
  /** Before a state is shown: false keeps the current one (`onBeforeScreenLoad`). */
  accept?: (current: S, next: S) => boolean
  /** Every failed call, also those that move the flow on (`onError`). */
  onCallFailed?: (error: unknown, call: FlowCall) => void
}

export interface FlowRunner<S, E> {
  state: S
  /** The state as of now, for code that runs after an await (the render's `state` may be older). */
  current(): S
  /** Feeds an event to the machine and runs the calls it asks for until it asks for none. */
  send(event: E): Promise<FlowResult>
}

/**
 * Runs any flow machine: each call it asks for goes through a TanStack mutation (removed from the
 * MutationCache once settled, so no password outlives the request), and its answer goes back to the
 * machine. The hook decides nothing about what comes next: that is the machine's job.
 */
export function useFlow<S, E>(
  machine: FlowMachine<S, E>,
  initial: () => S,
  options: FlowRunnerOptions<S>,
): FlowRunner<S, E> {
  const [state, setState] = useState(initial)
  const current = useRef(state)
  const latest = useRef(options)
  latest.current = options
  const mutation = useMutation({
    mutationKey: ['react-screensets', 'flow'],
    mutationFn: ({ method, params }: { method: AccountsMethod; params: Record<string, unknown> }) =>
      latest.current.client.call(method, { lang: latest.current.lang, ...params } as never),
    gcTime: 0,
    retry: false,
  })
  const { mutateAsync, reset } = mutation

  const execute = useCallback(
    async (call: FlowCall): Promise<unknown> => {
      const run = async (params: Record<string, unknown>) => {
        try {
          return await mutateAsync({ method: call.method, params })
        } finally {
          reset()
        }
      }
      if (!call.token) return run({ ...call.params })
      const source = tokenHandle(call.token, latest.current)
      const withToken = async (regToken: string) => run({ ...call.params, regToken })
      try {
        const response = await withToken(await source.ensure())
        // A registration token is used up by the account it made; a lite one serves more addresses.
        if (call.token.kind !== 'lite') source.discard()
        return response
      } catch (error) {
        // A token the server refuses (expired, used) is renewed once; the user retypes nothing.
        if (isAccountsError(error) && error.isRegTokenInvalid) return withToken(await source.renew())
        // An interruption (206001, 206002, …) brings the account's own token: this one is used up.
        if (isAccountsError(error) && error.regToken !== undefined) source.discard()
        throw error
      }
    },
    [mutateAsync, reset],
  )

  /** Shows a machine's next state unless the host refuses it. */
  const show = useCallback((next: S): boolean => {
    if (next !== current.current && latest.current.accept?.(current.current, next) === false) return false
    current.current = next
    setState(next)
    return true
  }, [])

  const send = useCallback(
    async (event: E): Promise<FlowResult> => {
      let step: FlowStep<S> = machine.transition(current.current, event)
      let last: { response: unknown } | { error: unknown } = { response: undefined }
      for (;;) {
        if (!show(step.state)) return { kind: 'cancelled' }
        if (step.failure) return { kind: 'failed', error: step.failure.error, method: step.failure.call.method }
        const call = step.call
        if (!call) return 'error' in last ? { kind: 'moved', error: last.error } : { kind: 'done', ...last }
        try {
          const response = await execute(call)
          last = { response }
          step = machine.transition(current.current, { type: 'answered', call, response, at: Date.now() })
        } catch (error) {
          last = { error }
          latest.current.onCallFailed?.(error, call)
          step = machine.transition(current.current, { type: 'failed', call, error, at: Date.now() })
        }
      }
    },
    [execute, machine, show],
  )

  const read = useCallback(() => current.current, [])
  return { state, current: read, send }
}

/** The token handle a call's `token` names; a lite account's progression token is asked for each time. */
function tokenHandle(
  source: TokenSource,
  options: Pick<FlowRunnerOptions<unknown>, 'client' | 'lang' | 'tokens'>,
): Pick<RegTokenHandle, 'ensure' | 'renew' | 'discard'> {
  if (source.kind !== 'progression') {
    const { tokens } = options
    if (!tokens) throw new Error('react-screensets: this flow asks for a registration token but was given none')
    return source.kind === 'lite' ? (tokens.lite ?? tokens.registration) : tokens.registration
  }
  const ask = async () =>
    (await options.client.call('accounts.initProgression', { regToken: source.liteToken, lang: options.lang })).regToken
  return { ensure: ask, renew: ask, discard: () => undefined }
}
