// Playwright steps shared by the browser tests and scripts that drive the default site's forms
// (the emulator's DEFAULT_SITE: email, password, first name, ZIP code, the terms and the tos consent).

/**
 * Fills every field the default site's register screen asks for, inside `form` (a Playwright Locator
 * around the screen-set). `retype` and `zip` default to valid values; pass others to provoke errors.
 * @param {import('playwright-core').Locator} form
 * @param {{ email: string, password: string, retype?: string, zip?: string }} values
 */
export async function fillRegistration(form, { email, password, retype = password, zip = '10001' }) {
  await form.getByLabel('Email').fill(email)
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(password)
  await form.getByLabel('Confirm password').fill(retype)
  await form.getByLabel('First name').fill('Ada')
  await form.getByLabel('ZIP code').fill(zip)
  await form.getByRole('checkbox', { name: 'Terms', exact: true }).check()
  await form.getByRole('checkbox', { name: 'Terms of service' }).check()
}
