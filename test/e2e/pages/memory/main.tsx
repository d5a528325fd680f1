import { QueryClient } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import { AccountsProvider, LiteSubscribe, RegistrationScreenSet, createAccountsClient } from '../../../../src'
import { createEmulatorTransport, type EmulatorTransport } from '../../../../src/testing'

/**
 * `host`: what an app does, one long-lived QueryClient and Accounts client, the components mounted
 * and unmounted with their provider. `fresh`: a new client and an AccountsProvider with its own
 * QueryClient every time.
 */
export type MemoryMode = 'host' | 'fresh'

export interface MemoryPage {
  /** Mounts both components, waits for their forms, types in each, unmounts; `cycles` times. */
  run(mode: MemoryMode, cycles: number): Promise<void>
  /** Test only: from now on every cycle keeps its forms' DOM after unmounting (a deliberate leak). */
  leakOnPurpose(): void
}

declare global {
  interface Window {
    memoryPage: MemoryPage
  }
}

let transport: EmulatorTransport | undefined
const hostQueryClient = new QueryClient()
let hostClient: ReturnType<typeof createAccountsClient> | undefined
const leaked: HTMLElement[] = []
let leaking = false

async function emulator(): Promise<EmulatorTransport> {
  // The emulator's own rate limit would refuse a thousand schema requests a minute.
  transport ??= await createEmulatorTransport({ rateLimit: false, warn: () => {} })
  return transport
}

function element(container: HTMLElement, selector: string): Promise<HTMLInputElement> {
  return new Promise((resolve) => {
    const found = () => container.querySelector<HTMLInputElement>(selector)
    const now = found()
    if (now) return resolve(now)
    const observer = new MutationObserver(() => {
      const later = found()
      if (!later) return
      observer.disconnect()
      resolve(later)
    })
    observer.observe(container, { childList: true, subtree: true })
  })
}

/** As a user types: focus (the forms fetch their token then), the value, an input event. */
function type(input: HTMLInputElement, text: string) {
  input.focus()
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
  setValue?.call(input, text)
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.blur()
}

const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0))

async function cycle(mode: MemoryMode, index: number) {
  const emulatorTransport = await emulator()
  const client =
    mode === 'host'
      ? (hostClient ??= createAccountsClient({ transport: emulatorTransport }))
      : createAccountsClient({ transport: emulatorTransport })
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  root.render(
    <AccountsProvider client={client} {...(mode === 'host' ? { queryClient: hostQueryClient } : {})}>
      <RegistrationScreenSet />
      <LiteSubscribe />
    </AccountsProvider>,
  )
  const [email, newsletterEmail] = await Promise.all([
    element(container, 'input[name="email"]'),
    element(container, 'input[name="profile.email"]'),
  ])
  type(email, `user.${index}@example.com`)
  type(newsletterEmail, `reader.${index}@example.com`)
  await macrotask()
  if (leaking) leaked.push(...Array.from(container.children, (child) => child as HTMLElement))
  root.unmount()
  container.remove()
}

window.memoryPage = {
  async run(mode, cycles) {
    for (let index = 0; index < cycles; index += 1) await cycle(mode, index)
  },
  leakOnPurpose() {
    leaking = true
  },
}
