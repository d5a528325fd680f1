// Both widgets on one page against the in-page emulator (its default site), every call counted.
import { createRoot } from 'react-dom/client'
import { AccountsProvider, LiteSubscribe, RegistrationScreenSet, createAccountsClient } from '../../../src'
import { createEmulatorTransport } from '../../../src/testing'
import { countCalls } from './calls'
import { installHooks } from './fixture'

async function main() {
  installHooks()
  const emulator = await createEmulatorTransport({ passwordHashIterations: 1000, rateLimit: false, warn: () => {} })
  const client = createAccountsClient({ transport: countCalls(emulator) })
  createRoot(document.getElementById('root') as HTMLElement).render(
    <AccountsProvider client={client}>
      <RegistrationScreenSet />
      <LiteSubscribe />
    </AccountsProvider>,
  )
}

main().then(
  () => {
    window.__ready = true
  },
  (error: unknown) => {
    window.__benchError = String(error)
    window.__ready = true
  },
)
