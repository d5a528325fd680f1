import { createRoot } from 'react-dom/client'
import { AccountsProvider, LiteSubscribe, RegistrationScreenSet, createAccountsClient } from '../../src'

const client = createAccountsClient({ apiKey: '3_abc', dataCenter: 'eu1.gigya.com' })

createRoot(document.getElementById('root') as HTMLElement).render(
  <AccountsProvider client={client}>
    <RegistrationScreenSet />
    <LiteSubscribe />
  </AccountsProvider>,
)
