import { useContext, useMemo } from 'react'
import { useWatch, type Control, type FieldValues } from 'react-hook-form'
import { passwordRules, passwordStrength } from '../schema'
import { PoliciesContext, useScreenSet } from './ScreenSetContext'

const LEVELS = ['too_weak', 'weak', 'fair', 'strong', 'very_strong'] as const

export interface PasswordStrengthProps {
  control: Control<FieldValues>
  id: string
  /** The input it judges: `password` on register, `newPassword` where a password is changed. */
  name?: string
}

/**
 * A strength meter and the live checklist of the site's password rules. It alone watches the
 * password, so typing there re-renders nothing else.
 */
export function PasswordStrength({ control, id, name = 'password' }: PasswordStrengthProps) {
  const { t, classNames } = useScreenSet('PasswordStrength')
  const policies = useContext(PoliciesContext)
  const passwordComplexity = policies?.passwordComplexity
  const password = String(useWatch({ control, name }) ?? '')
  // New policies (the pattern translator came) give new rules, though the policy itself is the same.
  const rules = useMemo(() => passwordRules(policies?.passwordComplexity), [policies])
  const level = password === '' ? undefined : passwordStrength(password, passwordComplexity)
  return (
    <div
      id={id}
      data-password-strength=""
      data-level={level === undefined ? undefined : LEVELS[level]}
      className={classNames.passwordStrength}
    >
      {level !== undefined && (
        <p>
          {t('password_strength')}: <span data-strength-label="">{t(LEVELS[level])}</span>{' '}
          <meter min={0} max={4} low={2} high={3} optimum={4} value={level} aria-hidden="true" />
        </p>
      )}
      {rules.length > 0 && (
        <ul aria-label={t('password_must_contain_at_least')}>
          {rules.map((rule) => {
            const met = password !== '' && rule.test(password)
            return (
              <li key={rule.id} data-met={met ? '' : undefined}>
                <span aria-hidden="true">{met ? '✓' : '•'}</span> {t(rule.messageId, rule.params)}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
