import { waitFor } from '@testing-library/react'
import type { ReactElement } from 'react'
import { expect, vi, type Mock } from 'vitest'
import type { AccountsClient, ScreenSetEvents, TransportRequest } from '../../../src'
import type { EmulatorOptions } from '../../../src/testing'
import { findSecret } from '../../support/findSecret'
import { renderWithEmulator } from '../../support/renderScreenSet'

const EVENT_NAMES = [
  'onBeforeScreenLoad',
  'onAfterScreenLoad',
  'onFieldChanged',
  'onBeforeValidation',
  'onAfterValidation',
  'onBeforeSubmit',
  'onSubmit',
  'onAfterSubmit',
  'onError',
  'onHide',
] as const satisfies ReadonlyArray<keyof ScreenSetEvents>

type EventSpies = { [K in (typeof EVENT_NAMES)[number]]: Mock<NonNullable<ScreenSetEvents[K]>> }

/** A spy for every screen-set event, to spread on a component: every payload is scanned later. */
export function eventSpies(): EventSpies {
  return Object.fromEntries(EVENT_NAMES.map((name) => [name, vi.fn()])) as unknown as EventSpies
}

const CONSOLE_METHODS = ['error', 'warn', 'log', 'info', 'debug'] as const

/**
 * `renderWithEmulator` (the host's own QueryClient given to AccountsProvider, the in-process
 * emulator), watched everywhere a secret could stay behind: every error and result that passes
 * through the QueryCache or the MutationCache, every promise the client settles, the console, and
 * the event payloads of the spies handed in. `expectNoSecret` then scans all of it and the DOM.
 */
export async function renderObserved(
  ui: ReactElement,
  spies: readonly EventSpies[],
  options: Partial<EmulatorOptions> = {},
  answers: Record<string, (request: TransportRequest) => unknown> = {},
) {
  const consoleSpies = CONSOLE_METHODS.map((method) => vi.spyOn(console, method))
  const harness = await renderWithEmulator(ui, options, answers)
  const { queryClient, client } = harness

  /** Errors and results seen while the flow ran, whatever happened to them afterwards. */
  const passedThrough = new Set<unknown>()
  const note = (value: unknown) => {
    if (value !== undefined && value !== null) passedThrough.add(value)
  }
  queryClient.getMutationCache().subscribe(({ mutation }) => {
    if (!mutation) return
    note(mutation.state.error)
    note(mutation.state.data)
    note(mutation.state.context)
  })
  queryClient.getQueryCache().subscribe(({ query }) => {
    note(query.state.error)
    note(query.state.data)
  })
  // Every call the components make after the first render goes through these (schema and policies,
  // already on their way, hold no user input).
  const settled: unknown[] = []
  for (const [name, method] of Object.entries(client)) {
    if (typeof method !== 'function') continue
    const original = method as (...args: unknown[]) => Promise<unknown>
    Object.assign(client as AccountsClient, {
      [name]: (...args: unknown[]) =>
        original(...args).then(
          (result) => (settled.push(result), result),
          (error: unknown) => {
            settled.push(error)
            throw error
          },
        ),
    })
  }

  /**
   * Waits until no mutation runs and settled ones had their chance to leave the cache, then fails
   * with the place where a secret was found, if any.
   */
  async function expectNoSecret(secrets: readonly string[]) {
    await waitFor(() => expect(queryClient.isMutating()).toBe(0))
    await new Promise((resolve) => setTimeout(resolve, 0))
    const places: Record<string, unknown> = {
      queryCache: queryClient
        .getQueryCache()
        .getAll()
        .map((query) => ({
          queryKey: query.queryKey,
          queryHash: query.queryHash,
          data: query.state.data,
          error: query.state.error,
          meta: query.meta,
        })),
      mutationCache: queryClient
        .getMutationCache()
        .getAll()
        .map((mutation) => ({
          mutationKey: mutation.options.mutationKey,
          options: mutation.options,
          variables: mutation.state.variables,
          data: mutation.state.data,
          error: mutation.state.error,
          context: mutation.state.context,
        })),
      errorsAndResults: [...passedThrough],
      clientSettled: settled,
      events: spies.map((events) => Object.fromEntries(Object.entries(events).map(([n, spy]) => [n, spy.mock.calls]))),
      console: consoleSpies.map((spy) => spy.mock.calls),
      dom: document.body.innerHTML,
    }
    for (const [name, value] of Object.entries(places)) expect(findSecret(value, secrets, name)).toBeUndefined()
    // Mutations leave the cache once settled (the README promises it): nothing to hold variables.
    expect(queryClient.getMutationCache().getAll()).toHaveLength(0)
  }

  /** The secret was really in play: some request carried it. */
  function expectSent(secret: string) {
    expect(findSecret(harness.calls, [secret], 'calls')).toBeDefined()
  }

  return { ...harness, expectNoSecret, expectSent }
}
