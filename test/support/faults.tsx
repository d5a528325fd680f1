import { QueryClient } from '@tanstack/react-query'
import { act, cleanup, render, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import fc from 'fast-check'
import type { ReactElement } from 'react'
import { expect } from 'vitest'
import { PASSWORD } from '../../scripts/defaultSiteForm.mjs'
import { AccountsProvider, createAccountsClient } from '../../src'
import {
  createEmulatorTransport,
  createFaultyTransport,
  type FaultKind,
  type FaultLogEntry,
  type FaultyTransport,
  type FaultyTransportOptions,
} from '../../src/testing'

/** Runs per property in `npm test`; `FAULT_RUNS=2000 npx vitest run …` for a long local run. */
export const NUM_RUNS = Number(process.env.FAULT_RUNS ?? 60)
/** fast-check's own seed and path, to replay a reported failure (`FAULT_SEED=… FAULT_PATH=…`). */
const PROPERTY_SEED = process.env.FAULT_SEED === undefined ? undefined : Number(process.env.FAULT_SEED)
const PROPERTY_PATH = process.env.FAULT_PATH

/** The client's timeout: a dropped answer turns into a 504002 after this long. */
const TIMEOUT_MS = 100
const MAX_DELAY_MS = 10
/** Longest a screen may take to settle: a few timeouts back to back (token, then the submit). */
const SETTLE_MS = 5_000

/** Fault rates for one run: each kind from 0 to 25 %, so a run may be calm or very stormy. */
const faultRates = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  failRate: fc.integer({ min: 0, max: 25 }).map((n) => n / 100),
  serverErrorRate: fc.integer({ min: 0, max: 25 }).map((n) => n / 100),
  garbageRate: fc.integer({ min: 0, max: 25 }).map((n) => n / 100),
  dropRate: fc.integer({ min: 0, max: 25 }).map((n) => n / 100),
})

/** What the user does: how often they click per submit, how often they retry, what they type. */
const userPlan = fc.record({
  clicksPerSubmit: fc.integer({ min: 1, max: 3 }),
  attempts: fc.integer({ min: 1, max: 4 }),
  name: fc.stringMatching(/^[A-Za-z]{1,8}$/),
  typeWhilePending: fc.boolean(),
})

type Plan = { name: string }
type User = ReturnType<typeof userEvent.setup>

/** Totals over every run of a property, for the report. */
export interface FaultTotals {
  runs: number
  faults: Record<FaultKind, number>
  /** How each submit ended: `form-error`, `field-error`, `screen:success`, … */
  submits: Record<string, number>
  /** Runs whose form never loaded (the load error screen, after every retry). */
  neverLoaded: number
  /** Transparent regToken renewals seen (a second request after a refused token). */
  renewals: number
  /** Clicks on the submit button while its submit ran (each must send nothing). */
  clicksWhilePending: number
  /** Submits during which the user typed into a field (what they typed must survive a failure). */
  typedWhilePending: number
}

/** Renders `ui` against the in-process emulator behind a faulty network. */
async function renderWithFaults(ui: ReactElement, rates: Omit<FaultyTransportOptions, 'maxDelayMs'>) {
  const emulator = await createEmulatorTransport({ passwordHashIterations: 1000, warn: () => {} })
  const transport = createFaultyTransport(emulator, { ...rates, maxDelayMs: MAX_DELAY_MS })
  const client = createAccountsClient({ transport, timeoutMs: TIMEOUT_MS })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <AccountsProvider client={client} queryClient={queryClient}>
      {ui}
    </AccountsProvider>,
  )
  return transport
}

/** Collects unhandled promise rejections (Node's and the DOM's) while a run lasts. */
function watchUnhandledRejections() {
  const seen: unknown[] = []
  const onNode = (reason: unknown) => seen.push(reason)
  const onWindow = (event: PromiseRejectionEvent) => seen.push(event.reason)
  process.on('unhandledRejection', onNode)
  window.addEventListener('unhandledrejection', onWindow)
  return {
    seen,
    stop() {
      process.off('unhandledRejection', onNode)
      window.removeEventListener('unhandledrejection', onWindow)
    },
  }
}

/** Lets every call end (dropped ones by their timeout) and any late rejection surface. */
async function drain(transport: FaultyTransport) {
  await act(async () => {
    await transport.idle()
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}

/** What a user would see on a screen-set root, or null while it is still busy. */
export function outcomeOf(root: HTMLElement): string | null {
  const screen = root.dataset.screen ?? ''
  if (root.hasAttribute('data-loading') || root.querySelector('[data-pending]')) return null
  if (screen === 'error') return root.querySelector('[role="alert"]') ? 'error-screen' : null
  if (root.querySelector('[data-invalid]')) return 'field-error'
  if (root.querySelector('[data-form-error][role="alert"]')) return 'form-error'
  return `screen:${screen}`
}

/** Waits until the root shows no loading state and no pending submit, and returns what it shows. */
async function settle(root: () => HTMLElement): Promise<string> {
  let outcome: string | null = null
  await waitFor(
    () => {
      outcome = outcomeOf(root())
      if (outcome === null) throw new Error(`still busy: ${root().outerHTML.slice(0, 300)}`)
    },
    { timeout: SETTLE_MS, interval: 5 },
  )
  return outcome as unknown as string
}

/**
 * Clicks the submit button `clicks` times in one go: every click after the first lands while the
 * first submit runs (nothing can settle between synchronous clicks), so it must send nothing.
 */
function clickSubmit(button: HTMLElement, clicks: number) {
  act(() => {
    for (let i = 0; i < clicks; i += 1) button.click()
  })
}

/**
 * The requests of `method` one submit sent (log entries from `from` on): one; two only when the
 * server refused the first one's regToken (the transparent renewal); none only when no token could
 * be had. Returns whether a renewal happened.
 */
function checkOneRequestPerSubmit(log: readonly FaultLogEntry[], from: number, method: string): boolean {
  const sent = log.slice(from).filter((entry) => entry.method === method)
  if (sent.length > 2) throw new Error(`one submit sent ${sent.length} ${method} requests`)
  if (sent.length === 2) {
    const [first] = sent as [FaultLogEntry, FaultLogEntry]
    if (first.outcome !== 'answered' || (first.errorCode !== 400006 && first.errorCode !== 403002)) {
      throw new Error(
        `a second ${method} followed ${first.fault}/${first.outcome}/${first.errorCode}, no refused token`,
      )
    }
  }
  if (sent.length === 0) {
    const tokens = log.filter((entry) => entry.method === 'accounts.initRegistration')
    const last = tokens[tokens.length - 1]
    // A call without a fault may still time out on a busy machine: what counts is a delivered token.
    const tokenThere = last?.fault === 'none' && last.outcome === 'answered' && last.errorCode === 0
    if (tokenThere) {
      const calls = log.map((entry) => `${entry.method}:${entry.fault}:${entry.outcome}:${entry.errorCode}`)
      throw new Error(`a valid submit sent no ${method}, though a token was there: ${calls.join(' ')}`)
    }
  }
  return sent.length === 2
}

/**
 * Fills every field the form shows with a valid value (the schema itself may have arrived garbled
 * and be empty), as a user types it, and returns what was typed by input name.
 */
async function fillForm(user: User, root: HTMLElement, plan: Plan, email: string): Promise<Map<string, string>> {
  const typed = new Map<string, string>()
  for (const element of root.querySelectorAll<HTMLInputElement>('input[name], textarea[name]')) {
    if (element.type === 'checkbox') {
      if (element.getAttribute('aria-required') === 'true' || element.name.startsWith('subscriptions.')) {
        await user.click(element)
      }
      continue
    }
    const value =
      element.type === 'email' || element.name.endsWith('email')
        ? email
        : element.name.startsWith('password')
          ? PASSWORD
          : element.name === 'profile.zip'
            ? '10001'
            : plan.name
    await user.type(element, value)
    typed.set(element.name, value)
  }
  for (const select of root.querySelectorAll<HTMLSelectElement>('select[name]')) {
    const option = select.options[1]
    if (option) await user.selectOptions(select, option.value)
  }
  return typed
}

/** Clicks "Try again" on the load error screen until the form is there; false if it never came. */
async function loadForm(user: User, root: () => HTMLElement): Promise<boolean> {
  for (let tries = 0; tries < 8; tries += 1) {
    if ((await settle(root)) !== 'error-screen') return true
    const retry = root().querySelector('[role="alert"] button')
    if (!(retry instanceof HTMLElement)) throw new Error('the load error screen has no retry button')
    await user.click(retry)
  }
  return (await settle(root)) !== 'error-screen'
}

export interface FaultScenario {
  ui: ReactElement
  screenset: 'registration' | 'lite'
  /** Every value `data-screen` may take (DESIGN.md §3). */
  screens: readonly string[]
  /** The screen with the form a submit stays on when it fails. */
  formScreen: string
  /** The call one submit makes. */
  method: string
}

/**
 * The fault property: for random fault rates, seeds and user plans, a screen-set over a faulty
 * network always settles on a defined screen with something to say, no promise rejection goes
 * unhandled, nothing typed is lost, and one submit sends one request (two with a token renewal).
 */
export async function assertFaultProperty(scenario: FaultScenario): Promise<FaultTotals> {
  const totals: FaultTotals = {
    runs: 0,
    faults: { none: 0, network: 0, 'server-error': 0, garbage: 0, drop: 0 },
    submits: {},
    neverLoaded: 0,
    renewals: 0,
    clicksWhilePending: 0,
    typedWhilePending: 0,
  }
  const root = () => document.querySelector(`[data-screenset="${scenario.screenset}"]`) as HTMLElement

  await fc.assert(
    fc.asyncProperty(faultRates, userPlan, async (rates, plan) => {
      totals.runs += 1
      const rejections = watchUnhandledRejections()
      const transport = await renderWithFaults(scenario.ui, rates)
      const drive = async () => {
        const user = userEvent.setup({ delay: null })
        if (!(await loadForm(user, root))) {
          totals.neverLoaded += 1
          expect(root().dataset.screen).toBe('error')
          return
        }
        const typed = await fillForm(user, root(), plan, `run${totals.runs}@example.com`)
        const ticked = [...root().querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map(
          (box) => box.name,
        )

        for (let attempt = 0; attempt < plan.attempts; attempt += 1) {
          const from = transport.log.length
          const button = root().querySelector<HTMLButtonElement>('button[type=submit]')
          if (!button) throw new Error(`no submit button on ${root().dataset.screen}`)
          clickSubmit(button, plan.clicksPerSubmit)
          totals.clicksWhilePending += plan.clicksPerSubmit - 1
          const extra = root().querySelector<HTMLInputElement>('input[name="profile.firstName"]')
          if (plan.typeWhilePending && extra && button.hasAttribute('data-pending')) {
            await user.type(extra, 'x')
            totals.typedWhilePending += 1
            typed.set(extra.name, `${typed.get(extra.name)}x`)
          }
          const outcome = await settle(root)
          totals.submits[outcome] = (totals.submits[outcome] ?? 0) + 1
          expect(scenario.screens).toContain(root().dataset.screen)
          expect(root().textContent?.trim()).not.toBe('')
          try {
            if (checkOneRequestPerSubmit(transport.log, from, scenario.method)) totals.renewals += 1
          } catch (error) {
            const shown = [...root().querySelectorAll('[role="alert"], [data-field-error]')].map((e) => e.textContent)
            throw new Error(`${(error as Error).message}; attempt ${attempt}, ${outcome}: ${shown.join(' | ')}`)
          }

          if (root().dataset.screen !== scenario.formScreen) break
          // A failed submit says why, and keeps every keystroke and every tick.
          expect(['field-error', 'form-error']).toContain(outcome)
          const input = (name: string) => root().querySelector<HTMLInputElement>(`[name="${name}"]`)
          for (const [name, value] of typed) expect([name, input(name)?.value]).toEqual([name, value])
          for (const name of ticked) expect([name, input(name)?.checked]).toEqual([name, true])
        }
      }
      try {
        await drive()
      } finally {
        cleanup()
        await drain(transport)
        rejections.stop()
        for (const [kind, count] of Object.entries(transport.counts())) totals.faults[kind as FaultKind] += count
      }
      expect(rejections.seen).toEqual([])
    }),
    {
      numRuns: NUM_RUNS,
      ...(PROPERTY_SEED === undefined ? {} : { seed: PROPERTY_SEED }),
      ...(PROPERTY_PATH === undefined ? {} : { path: PROPERTY_PATH }),
      // Shrinking replays whole renders; the first counterexample, with its seeds, is enough.
      endOnFailure: true,
    },
  )
  return totals
}
