import type { ReactNode } from 'react'
import type { MessageId } from '../../i18n'
import { useScreenSet } from '../ScreenSetContext'
import type { ScreenProps } from './screenProps'
import { ScreenTitle } from './ScreenTitle'

export interface InfoScreenProps extends Pick<ScreenProps, 'api' | 'headingId' | 'shownHeadingRef'> {
  title: MessageId
  /** The screen's text, already translated. */
  description?: string | undefined
  /** Its actions: resend, a link to another screen. */
  children?: ReactNode
  /** A state of the screen that replaces its content and so takes focus like a new screen. */
  view?: string
}

/** A screen without a form (success, "check your inbox"): heading, text, actions. */
export function InfoScreen({ api, headingId, shownHeadingRef, title, description, children, view }: InfoScreenProps) {
  const { classNames, t } = useScreenSet('InfoScreen')
  return (
    <>
      <ScreenTitle view={view ?? api.screen} headingId={headingId} shownHeadingRef={shownHeadingRef}>
        {t(title)}
      </ScreenTitle>
      {description !== undefined && <p className={classNames.description}>{description}</p>}
      {children}
    </>
  )
}
