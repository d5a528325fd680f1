import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { AccountsProvider, createAccountsClient, type AccountsTransport, type TransportRequest } from '../../src'
import { createEmulatorTransport, DEFAULT_SITE, type EmulatorOptions, type SiteConfig } from '../../src/testing'

/** DEFAULT_SITE with policy sections merged in. */
export function siteWithPolicies(policies: Record<string, Record<string, unknown>>): SiteConfig {
  const site = structuredClone(DEFAULT_SITE)
  const sections = site.policies as Record<string, Record<string, unknown>>
  for (const [section, values] of Object.entries(policies)) sections[section] = { ...sections[section], ...values }
  return site
}

export interface ScreenSetHarness {
  calls: TransportRequest[]
  /** Replace the answer of the next calls of a method (a body, or throw for a network failure). */
  override(method: string, answer: ((request: TransportRequest) => unknown) | undefined): void
  queryClient: QueryClient
  transport: Awaited<ReturnType<typeof createEmulatorTransport>>
  clock: { now: number }
}

/**
 * Renders UI inside an AccountsProvider whose client talks to the in-process emulator, recording
 * every call and letting a test replace answers (faults, fixtures).
 */
export async function renderWithEmulator(
  ui: ReactElement,
  options: Partial<EmulatorOptions> = {},
  answers: Record<string, (request: TransportRequest) => unknown> = {},
) {
  const clock = { now: Date.now() }
  const transport = await createEmulatorTransport({
    passwordHashIterations: 1000,
    now: () => clock.now,
    warn: () => {},
    ...options,
  })
  const calls: TransportRequest[] = []
  const overrides = new Map<string, (request: TransportRequest) => unknown>(Object.entries(answers))
  const recording: AccountsTransport = async (request) => {
    calls.push(request)
    const override = overrides.get(request.method)
    return override ? override(request) : transport(request)
  }
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const client = createAccountsClient({ transport: recording })
  const result = render(
    <AccountsProvider client={client} queryClient={queryClient}>
      {ui}
    </AccountsProvider>,
  )
  const harness: ScreenSetHarness = {
    calls,
    override: (method, answer) => (answer ? overrides.set(method, answer) : overrides.delete(method)),
    queryClient,
    transport,
    clock,
  }
  return { ...result, ...harness, client }
}

export const callsOf = (calls: readonly TransportRequest[], method: string) =>
  calls.filter((call) => call.method === method)
