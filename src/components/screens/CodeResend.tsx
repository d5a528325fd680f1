import { useScreenSet } from '../ScreenSetContext'
import type { ScreenProps } from './screenProps'
import { useCooldown } from './useCooldown'

/**
 * "Send a new code", which waits out the code's cool-down (`resendState.availableAt`). The seconds
 * left are plain text that a user can read at any time, never a live region that would speak every
 * second; the status region speaks once when the wait is over, and otherwise says how the last
 * resend went.
 */
export function CodeResend({ api }: { api: Pick<ScreenProps['api'], 'resendState' | 'resendVerification'> }) {
  const { idPrefix, classNames, t } = useScreenSet('CodeResend')
  const { status, message, availableAt } = api.resendState
  const { secondsLeft, ended } = useCooldown(availableAt)
  const waitId = `${idPrefix}-resend-wait`
  const waiting = secondsLeft > 0
  const notice = ended && status !== 'sending' && status !== 'failed' ? t('resend_code') : (message ?? '')
  return (
    <div data-resend="">
      <button
        type="button"
        onClick={() => void api.resendVerification()}
        disabled={waiting || status === 'sending'}
        aria-describedby={waiting ? waitId : undefined}
        className={classNames.link}
      >
        {t('resend_code')}
      </button>
      {waiting && (
        <p id={waitId} data-resend-wait="">
          {t('resend_code_in', { num: secondsLeft })}
        </p>
      )}
      <p role="status">{notice}</p>
    </div>
  )
}
