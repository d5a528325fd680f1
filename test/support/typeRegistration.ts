import { screen, waitFor, type BoundFunctions, type queries } from '@testing-library/react'
import type userEvent from '@testing-library/user-event'
import { registrationEntries, type RegistrationValues } from '../../scripts/defaultSiteForm.mjs'

type User = ReturnType<typeof userEvent.setup>
type Queries = Pick<BoundFunctions<typeof queries>, 'getByLabelText' | 'getByRole'>

/**
 * Types every field the default site's register screen asks for (the entries Playwright's
 * `fillRegistration` fills too) with user-event, once the email field is there. `within` gives the
 * queries anew for each field, so a form whose root is replaced while it loads is found again. A label
 * reads "Email *" (the mark is aria-hidden), so labels match from their start.
 */
export async function typeRegistration(
  user: User,
  values: Partial<RegistrationValues> = {},
  within: () => Queries = () => screen,
): Promise<void> {
  const entries = registrationEntries({ email: 'ada@example.com', ...values })
  const field = (name: string) => within().getByLabelText(new RegExp(`^${name}`), { selector: 'input' })
  await waitFor(() => field('Email'))
  for (const [name, value] of entries) {
    if (value === true) await user.click(within().getByRole('checkbox', { name }))
    else await user.type(field(name), value)
  }
}
