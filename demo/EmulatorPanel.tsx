import { useQuery } from '@tanstack/react-query'

interface Account {
  UID: string
  kind: 'full' | 'lite'
  isRegistered: boolean
  isVerified: boolean
  profile: { email?: string; firstName?: string }
  subscriptions: Record<string, { email: { isSubscribed: boolean; doubleOptIn?: { status: string } } }>
}

interface Message {
  id: number
  to: string
  kind: string
  subject: string
}

async function readEmulator(): Promise<{ accounts: Account[]; messages: Message[] }> {
  const [accounts, outbox] = await Promise.all([
    fetch('/__emulator/accounts').then((response) => response.json() as Promise<{ accounts?: Account[] }>),
    fetch('/__emulator/outbox').then((response) => response.json() as Promise<{ messages?: Message[] }>),
  ])
  return { accounts: accounts.accounts ?? [], messages: outbox.messages ?? [] }
}

/** What the emulator holds now: the demo's window into the "server". */
export function EmulatorPanel({ refreshKey }: { refreshKey: number }) {
  const { data, refetch } = useQuery({ queryKey: ['demo', 'emulator', refreshKey], queryFn: readEmulator })
  const accounts = data?.accounts ?? []
  const messages = data?.messages ?? []
  return (
    <aside className="panel" aria-labelledby="panel-title">
      <h2 id="panel-title">Emulator</h2>
      <button type="button" onClick={() => void refetch()}>
        Refresh
      </button>
      <h3>Accounts ({accounts.length})</h3>
      <ul data-accounts="">
        {accounts.map((account) => (
          <li key={account.UID}>
            <code>{account.profile.email ?? account.UID}</code> — {account.kind}
            {account.kind === 'full' &&
              `, ${account.isRegistered ? 'registered' : 'pending'}, ${account.isVerified ? 'verified' : 'not verified'}`}
            {Object.entries(account.subscriptions).map(([id, subscription]) => (
              <span key={id}>
                {' '}
                · {id}: {subscription.email.isSubscribed ? 'subscribed' : 'not subscribed'}
                {subscription.email.doubleOptIn && ` (${subscription.email.doubleOptIn.status})`}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <h3>Outbox ({messages.length})</h3>
      <ul data-outbox="">
        {messages.map((message) => (
          <li key={message.id}>
            {message.kind} → <code>{message.to}</code>: {message.subject}
          </li>
        ))}
      </ul>
    </aside>
  )
}
