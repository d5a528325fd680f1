// The default site's register screen (the emulator's DEFAULT_SITE: email, password, first name, ZIP
// code, the terms and the tos consent) as the tests, scripts and benchmarks fill it. The entries are
// shared; each driver has its own thin filler: `fillRegistration` here for Playwright, and
// test/support/typeRegistration.ts for Testing Library's user-event.

/** The password every registration uses unless a test needs another. */
export const PASSWORD = 'Secret-123'

/**
 * What a person enters on the register screen, in order: each field's accessible name and its value,
 * `true` for a checkbox to tick. `password`, `retype` and `zip` default to valid values; pass others
 * to provoke errors.
 * @param {import('./defaultSiteForm.d.mts').RegistrationValues} values
 * @returns {Array<[string, string | true]>}
 */
export function registrationEntries({ email, password = PASSWORD, retype = password, zip = '10001' }) {
  return [
    ['Email', email],
    ['Password', password],
    ['Confirm password', retype],
    ['First name', 'Ada'],
    ['ZIP code', zip],
    ['Terms', true],
    ['Terms of service', true],
  ]
}

/**
 * Fills every field the register screen asks for, inside `form` (a Playwright Locator around the
 * screen-set). Names are exact: "Password" is not "Confirm password", "Terms" not "Terms of service".
 * @param {import('playwright-core').Locator} form
 * @param {import('./defaultSiteForm.d.mts').RegistrationValues} values
 */
export async function fillRegistration(form, values) {
  for (const [name, value] of registrationEntries(values)) {
    if (value === true) await form.getByRole('checkbox', { name, exact: true }).check()
    else await form.getByRole('textbox', { name, exact: true }).fill(value)
  }
}
