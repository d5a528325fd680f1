import { en, enFailures, enFlows, enLite, enProfile, enRegistration } from '../../src/i18n'

/** Every English message, whichever chunk carries it: what each other language's catalog must hold. */
export const english: Readonly<Record<string, string>> = {
  ...en,
  ...enRegistration,
  ...enLite,
  ...enFlows,
  ...enFailures,
  ...enProfile,
}
