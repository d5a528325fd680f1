import { ProfileScreenSet, useAccount, useLogout } from '../src'

/**
 * What a site shows a signed-in user: who they are, a way out and the profile screens. It follows the
 * client's session, so a registration or a login anywhere on the page shows here at once.
 */
export function AccountPanel({ onLogout, onChange }: { onLogout: () => void; onChange: () => void }) {
  const account = useAccount()
  const logout = useLogout({ onSettled: onLogout })
  if (!account.data) return null
  const { profile = {} } = account.data
  const name = [profile.firstName, profile.lastName].filter(Boolean).join(' ')
  return (
    <>
      <div className="signed-in">
        <p>
          Signed in as <strong data-testid="signed-in-user">{name || profile.email}</strong>
          {name && profile.email ? <> ({profile.email})</> : null}
        </p>
        <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending} aria-busy={logout.isPending}>
          Log out
        </button>
      </div>
      <ProfileScreenSet onAfterSubmit={onChange} />
    </>
  )
}
