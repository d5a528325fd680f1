import { isPlainObject } from '../shared/plainObjects'
import type { FormScreen, LoginIdentifier } from './fixedFields'
import type { TranslatePattern } from './readFormat'
import { readSections, type Definition, type SchemaSections } from './schemaSections'
import type { SitePolicies, SiteSchema } from './types'

/** What deriving a screen's fields reads: the schema's sections, the policies that shape the screen. */
export interface Site extends SchemaSections {
  screen: FormScreen
  translate: TranslatePattern
  loginIdentifiers: LoginIdentifier[]
  registration: Definition
}

export function readSite(
  schema: SiteSchema | null | undefined,
  policies: SitePolicies | undefined,
  screen: FormScreen,
  translate: TranslatePattern,
): Site {
  const registration: unknown = policies?.registration
  return {
    screen,
    translate,
    loginIdentifiers: loginIdentifiers(policies),
    registration: isPlainObject(registration) ? registration : {},
    ...readSections(schema),
  }
}

function loginIdentifiers(policies: SitePolicies | undefined): LoginIdentifier[] {
  const setting: unknown = policies?.accountOptions?.loginIdentifiers
  const tokens = typeof setting === 'string' ? setting.split(',').map((token) => token.trim()) : []
  const identifiers = (['email', 'username'] as const).filter((id) => tokens.includes(id))
  return identifiers.length > 0 ? identifiers : ['email']
}
