import { Component, type ReactNode } from 'react'
import type { Translator } from '../i18n'
import type { RootAttributes } from './screenSetRoot'

export interface ErrorBoundaryProps {
  /** The screen-set root's attributes; the error screen keeps them, with `data-screen="error"`. */
  root: RootAttributes
  t: Translator
  /** `classNames.formError`, for the alert. */
  className?: string | undefined
  /** Told of every error caught (each failed render, again after a "Try again" that fails). */
  onError: (error: unknown) => void
  children: ReactNode
}

interface ErrorBoundaryState {
  failed: boolean
}

/**
 * Turns an unexpected render error below it (a part override that throws, a bug of ours) into the
 * screen-set's error screen with a "Try again" that renders what is below it anew. Each screen-set
 * has two: one below its hook, so what the user typed, the current screen and its token survive the
 * retry, and one above it (`ScreenSetGuard`) for what the hook itself throws.
 * A class: React catches render errors only in class components.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false }

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true }
  }

  override componentDidCatch(error: unknown) {
    this.props.onError(error)
  }

  private readonly retry = () => this.setState({ failed: false })

  override render() {
    if (!this.state.failed) return this.props.children
    const { root, t, className } = this.props
    // Plain markup, not the `FormError` part: that part may be what threw.
    return (
      <div {...root} data-screen="error" data-loading={undefined}>
        <div role="alert" data-form-error="" className={className}>
          <p>{t('general_error')}</p>
          <button type="button" onClick={this.retry}>
            {t('retry')}
          </button>
        </div>
      </div>
    )
  }
}
