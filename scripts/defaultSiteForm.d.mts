import type { Locator } from 'playwright-core'

export declare function fillRegistration(
  form: Locator,
  values: { email: string; password: string; retype?: string; zip?: string },
): Promise<void>
