import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { deriveFields, translateDotnetRegex, type SitePolicies, type SiteSchema } from '../../../src/schema'
import { deriveFieldsWith } from '../../../src/schema/deriveFieldsWith'
import { loadedPatternTranslator, loadPatternTranslator, needsPatternSupport } from '../../../src/schema/patternSupport'

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src')
const profile = (fields: Record<string, unknown>) => ({ profileSchema: { fields } }) as unknown as SiteSchema

describe('needsPatternSupport', () => {
  it.each([
    ['no schema', undefined, undefined],
    ['fields without a format', profile({ zip: { type: 'string' } }), undefined],
    ["regex('') and true", profile({ email: { format: "regex('')" }, ok: { format: 'true' } }), undefined],
    ['a format that is no pattern', profile({ zip: { format: 'zip' }, n: { format: 5 } }), undefined],
    ['an empty password regExp', undefined, { passwordComplexity: { regExp: '' } }],
    ['malformed sections', { profileSchema: 'x', dataSchema: { fields: [1] } } as unknown as SiteSchema, undefined],
    ['null fields', profile({ zip: null }), { passwordComplexity: null } as unknown as SitePolicies],
  ])('false for %s', (_, schema, policies) => {
    expect(needsPatternSupport(schema, policies as SitePolicies | undefined)).toBe(false)
  })

  it.each([
    ['a profile pattern', profile({ zip: { format: " regex('^[0-9]{5}$') " } }), undefined],
    [
      'a data pattern',
      { dataSchema: { fields: { code: { format: "regex('a')" } } } } as unknown as SiteSchema,
      undefined,
    ],
    [
      'a subscription pattern (under its channel)',
      { subscriptionsSchema: { fields: { news: { email: { format: "regex('a')" } } } } } as unknown as SiteSchema,
      undefined,
    ],
    [
      'a consent pattern',
      { preferencesSchema: { fields: { terms: { format: "regex('a')" } } } } as unknown as SiteSchema,
      undefined,
    ],
    ['the password policy', undefined, { passwordComplexity: { regExp: '[0-9]' } }],
  ])('true for %s', (_, schema, policies) => {
    expect(needsPatternSupport(schema, policies)).toBe(true)
  })
})

describe('deriveFieldsWith', () => {
  const schema = profile({
    zip: { type: 'string', required: true, writeAccess: 'clientModify', format: "regex('^[0-9]{5}$')" },
    city: { type: 'string', required: true, writeAccess: 'clientModify', format: "regex('')" },
  })

  it('asks the translator it is given, for patterns only', () => {
    const translate = vi.fn(translateDotnetRegex)
    deriveFieldsWith(schema, undefined, {}, translate)
    expect(translate.mock.calls).toEqual([['^[0-9]{5}$']])
  })

  it('with the static translator, is deriveFields', () => {
    expect(deriveFieldsWith(schema, undefined, {}, translateDotnetRegex)).toEqual(deriveFields(schema, undefined))
  })
})

describe('the translator module', () => {
  it('registers itself, and loading it on demand gives the same function', async () => {
    expect(loadedPatternTranslator()).toBe(translateDotnetRegex)
    await expect(loadPatternTranslator()).resolves.toBe(translateDotnetRegex)
  })

  /** Modules reached by static value imports (not `import type`, not `import()`), from `entry`. */
  function staticImports(entry: string, seen = new Set<string>()): Set<string> {
    if (seen.has(entry)) return seen
    seen.add(entry)
    const code = readFileSync(entry, 'utf8')
    const specifiers = [...code.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)].map(
      (match) => match[1] as string,
    )
    for (const specifier of specifiers) {
      const base = resolve(dirname(entry), specifier)
      const file = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => {
        try {
          readFileSync(candidate)
          return true
        } catch {
          return false
        }
      })
      if (file) staticImports(file, seen)
    }
    return seen
  }

  it.each([
    'react/registrationFields.ts',
    'react/liteFields.ts',
    'react/usePatternSupport.ts',
    'react/useScreenSetSetup.ts',
    'schema/toZod.ts',
    'schema/passwordRules.ts',
  ])('is no static import of src/%s (the pages load it on demand)', (entry) => {
    const reached = [...staticImports(resolve(src, entry))].map((file) => file.slice(src.length + 1))
    expect(reached).not.toContain('schema/translateDotnetRegex.ts')
    expect(reached).not.toContain('shared/backtracking.ts')
  })
})
