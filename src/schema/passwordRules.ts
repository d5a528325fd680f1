import type { PasswordComplexityPolicy } from '../accounts/types'
import { isPatternTranslatorComing, loadedPatternTranslator } from './patternSupport'
import { testPattern } from './readFormat'
import { warnOnce } from '../shared/warnOnce'

/** One requirement of the site's password policy, with the Web SDK message id that describes it. */
export interface PasswordRule {
  id: 'minLength' | 'minCharGroups' | 'regExp'
  /** `num_characters_total`, `num_of_the_following_groups` or `password_does_not_meet_complexity_requirements`. */
  messageId: string
  /** Placeholder values of the message (`num`). */
  params: Record<string, number | string>
  test(password: string): boolean
}

/** 0 too_weak, 1 weak, 2 fair, 3 strong, 4 very_strong (the Web SDK's message ids). */
export type PasswordStrength = 0 | 1 | 2 | 3 | 4

/**
 * The policy's four character groups. They are Unicode categories, not ASCII ranges, because the
 * server counts them that way: 'Ä' is an upper-case letter, '٣' a digit, and anything that is neither
 * letter nor digit (punctuation, space, emoji) is special.
 */
const CHARACTER_GROUPS = [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u]

/**
 * The checks of `passwordComplexity`, so the form can refuse (and explain) a password before the
 * server does. They must agree with the server: length counts code points, not UTF-16 units. The
 * policy's `regExp` is checked with the pattern translator once it is in the page (`patternSupport.ts`).
 */
export function passwordRules(policy: PasswordComplexityPolicy | undefined): PasswordRule[] {
  const rules: PasswordRule[] = []
  const minLength = positiveInteger(policy?.minLength)
  if (minLength !== undefined) {
    rules.push({
      id: 'minLength',
      messageId: 'num_characters_total',
      params: { num: minLength },
      test: (password) => [...password].length >= minLength,
    })
  }
  const minCharGroups = positiveInteger(policy?.minCharGroups)
  if (minCharGroups !== undefined) {
    rules.push({
      id: 'minCharGroups',
      messageId: 'num_of_the_following_groups',
      params: { num: minCharGroups },
      test: (password) => characterGroups(password) >= minCharGroups,
    })
  }
  const pattern = policy?.regExp
  if (typeof pattern === 'string' && pattern !== '') {
    const translate = loadedPatternTranslator()
    if (!translate) {
      // The screen-sets read the policy again once the translator they asked for is in; a page that
      // imports none of `translateDotnetRegex`, `parseFormat` or `deriveFields` has none.
      if (process.env.NODE_ENV !== 'production' && !isPatternTranslatorComing())
        warnOnce(
          `pattern-support:${pattern}`,
          `The password policy's pattern ${pattern} is not checked in the browser: the pattern translator is not loaded (import translateDotnetRegex); only the server checks it.`,
        )
      return rules
    }
    const translated = translate(pattern)
    if (translated.kind === 'regex') {
      rules.push({
        id: 'regExp',
        messageId: 'password_does_not_meet_complexity_requirements',
        params: {},
        // A password too long to test safely passes here; the server judges it.
        test: (password) => testPattern(translated, password) !== false,
      })
    } else {
      if (process.env.NODE_ENV !== 'production')
        warnOnce(
          `pattern:${pattern}`,
          `The password policy's pattern ${pattern} cannot be checked in the browser (${translated.reason}); only the server checks it.`,
        )
    }
  }
  return rules
}

/**
 * A meter reading that never contradicts the policy: a password the policy refuses is too weak, one it
 * accepts is at least weak; beyond that, length counts most, then variety.
 */
export function passwordStrength(password: string, policy: PasswordComplexityPolicy | undefined): PasswordStrength {
  if (password === '' || !passwordRules(policy).every((rule) => rule.test(password))) return 0
  const length = [...password].length
  const bonus = Number(length >= 12) + Number(length >= 16) + Number(characterGroups(password) >= 3)
  return (1 + bonus) as PasswordStrength
}

function characterGroups(password: string): number {
  return CHARACTER_GROUPS.filter((group) => group.test(password)).length
}

/** Policies are site settings and may arrive as anything; only a positive number sets a requirement. */
function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : undefined
}
