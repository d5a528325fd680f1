// The benchmark's field set and the page-side protocol shared by the contenders' pages (and the reference).
// Query string: `n` (how many fields, default 200) and `count=1` (instrumented field wrappers).
// Each page mounts its form, times the mount, then sets `window.__bench` and `window.__ready`.
import type { ReactElement } from 'react'
import { createRoot } from 'react-dom/client'

export const FIELD_COUNT = 200

export type FieldType = 'string' | 'long' | 'date' | 'boolean'

export interface FieldDef {
  index: number
  section: 'profile' | 'data'
  /** The key within its section (`f042`). */
  key: string
  /** The binding name (`profile.f042`). */
  name: string
  type: FieldType
  required: boolean
  /** A JavaScript-compatible regex source, also valid as a .NET pattern. */
  pattern?: string
}

const PATTERNS = ['^[0-9]{5}$', '^[A-Z]{2}[0-9]{4}$', '^[a-z]+(-[a-z]+)*$', '^\\+?[0-9 ]{6,15}$']

/**
 * `n` fields, half profile, half data: every 20th from 3 a whole number, from 8 a date, from 13 a
 * checkbox, from 17 a string with a regex format; the rest plain strings; every third required
 * (checkboxes never, so no "must be checked" rule differs between contenders).
 */
export function fieldDefs(n: number): FieldDef[] {
  return Array.from({ length: n }, (_, index) => {
    const section = index < Math.ceil(n / 2) ? 'profile' : 'data'
    const key = `f${String(index).padStart(3, '0')}`
    const slot = index % 20
    const type: FieldType = slot === 3 ? 'long' : slot === 8 ? 'date' : slot === 13 ? 'boolean' : 'string'
    const pattern = slot === 17 ? PATTERNS[Math.floor(index / 20) % PATTERNS.length] : undefined
    return {
      index,
      section,
      key,
      name: `${section}.${key}`,
      type,
      required: type !== 'boolean' && index % 3 === 0,
      ...(pattern === undefined ? {} : { pattern }),
    }
  })
}

/** The field typed into: the one in the middle (a plain, optional string for n = 200). */
export function typedField(defs: readonly FieldDef[]): FieldDef {
  const middle = defs[Math.floor(defs.length / 2)]
  if (!middle) throw new Error('no fields')
  return middle
}

/** The same fields as an SAP CDC account schema (`accounts.getSchema` sections). */
export function cdcSchema(defs: readonly FieldDef[]) {
  const section = (name: FieldDef['section']) => ({
    dynamicSchema: false,
    fields: Object.fromEntries(
      defs
        .filter((def) => def.section === name)
        .map((def) => [
          def.key,
          {
            type: def.type,
            required: def.required,
            allowNull: true,
            writeAccess: 'clientModify',
            ...(def.pattern === undefined ? {} : { format: `regex('${def.pattern}')` }),
          },
        ]),
    ),
  })
  return { profileSchema: section('profile'), dataSchema: section('data') }
}

export interface BenchState {
  /** performance.now() from `root.render()` to the first input in the DOM. */
  toInput: number
  /** ... and on to the first idle callback after it (the page is interactive). */
  toIdle: number
  /** Inputs rendered in the form, to prove every contender rendered every field. */
  inputs: number
  expected: number
  /** CSS selector of the input typed into. */
  target: string
  /** Its key in `window.__renders`. */
  typedKey: string
  /** Keys in `window.__renders` that are fields (rjsf also renders objects through its FieldTemplate). */
  fieldKeys: string[]
}

declare global {
  interface Window {
    __ready?: boolean
    __bench?: BenchState
    __benchError?: string
    __renders: Record<string, number>
    /** Calls in flight (pages whose forms talk to the emulator). */
    __pendingCalls: number
    /** Resolves when no call is in flight and the main thread is idle. */
    __settle: () => Promise<void>
  }
}

/** Counts one render of a field wrapper, when the page was loaded with `count=1`. */
export function countRender(key: string): void {
  window.__renders[key] = (window.__renders[key] ?? 0) + 1
}

export const pageParams = (() => {
  const params = new URLSearchParams(location.search)
  return { n: Number(params.get('n') ?? FIELD_COUNT), count: params.get('count') === '1' }
})()

const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve()))

/** Sets up the globals the runner reads (a function: the package is side-effect free, a bare import would be dropped). */
export function installHooks(): void {
  window.__renders = {}
  window.__pendingCalls = 0
  window.__settle = async () => {
    for (;;) {
      await idle()
      if (window.__pendingCalls === 0) {
        // One more idle period: a finished call's state update renders in a later task.
        await idle()
        if (window.__pendingCalls === 0) return
      }
    }
  }
}

/** Resolves with performance.now() at the first mutation that leaves an input under `container`. */
function firstInput(container: HTMLElement): Promise<number> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!container.querySelector('input')) return
      observer.disconnect()
      resolve(performance.now())
    })
    observer.observe(container, { childList: true, subtree: true })
  })
}

export interface PageSetup {
  /** The element to mount; everything before (emulator, cache) is outside the timed mount. */
  element: ReactElement
  target: string
  typedKey: string
  fieldKeys: string[]
}

/** Prepares, mounts and times a contender's form, then publishes `window.__bench`. */
export async function runPage(prepare: (defs: FieldDef[]) => Promise<PageSetup>): Promise<void> {
  installHooks()
  try {
    const defs = fieldDefs(pageParams.n)
    const setup = await prepare(defs)
    const container = document.getElementById('root') as HTMLElement
    let fail: (error: unknown) => void = () => {}
    const failed = new Promise<never>((_, reject) => {
      fail = reject
    })
    const root = createRoot(container, { onUncaughtError: (error) => fail(error) })
    const inputAppeared = firstInput(container)
    const started = performance.now()
    root.render(setup.element)
    const inputAt = await Promise.race([inputAppeared, failed])
    await idle()
    const idleAt = performance.now()
    window.__bench = {
      toInput: inputAt - started,
      toIdle: idleAt - started,
      inputs: container.querySelectorAll('form input').length,
      expected: defs.length,
      target: setup.target,
      typedKey: setup.typedKey,
      fieldKeys: setup.fieldKeys,
    }
  } catch (error) {
    window.__benchError = error instanceof Error ? (error.stack ?? error.message) : String(error)
  }
  window.__ready = true
}
