import type { ReactNode } from 'react'
import { useScreenSet } from '../ScreenSetContext'

export interface ScreenLinkProps {
  onClick(): void
  /** Fetches the code of the screen it opens, on hover or focus, so the click finds it loaded. */
  onPreload?: (() => void) | undefined
  /** Data attributes that name the link for tests and styles (`data-forgot-password`). */
  data?: Record<`data-${string}`, string>
  children: ReactNode
}

/**
 * An action that opens another screen: a `<button type="button">` (it changes the screen, not the
 * page's URL), styled as a link through `data-switch-screen`.
 */
export function ScreenLink({ onClick, onPreload, data, children }: ScreenLinkProps) {
  const { classNames } = useScreenSet('ScreenLink')
  return (
    <p data-switch-screen="">
      <button
        type="button"
        {...data}
        onClick={onClick}
        onPointerEnter={onPreload}
        onFocus={onPreload}
        className={classNames.link}
      >
        {children}
      </button>
    </p>
  )
}
