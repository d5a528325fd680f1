import type { Locator } from 'playwright-core'

export interface RegistrationValues {
  email: string
  password?: string
  retype?: string
  zip?: string
}

export declare const PASSWORD: string
export declare function registrationEntries(values: RegistrationValues): Array<[string, string | true]>
export declare function fillRegistration(form: Locator, values: RegistrationValues): Promise<void>
