import { isRtl, type MessageId, type Translator } from '../i18n'
import type { ScreenSetClassNames, ScreenSetComponents } from './parts'

export type LoadStatus = 'loading' | 'error' | 'ready'

/** The screen-set a root belongs to (`data-screenset`). */
export type ScreenSetKind = 'registration' | 'lite' | 'profile'

/** `light` (the default look), `dark`, or `auto` to follow the user's prefers-color-scheme. */
export type ColorScheme = 'light' | 'dark' | 'auto'

/** The root element's attributes: the DOM contract's `data-*`, language and direction. */
export function rootAttributes(options: {
  screenset: ScreenSetKind
  screen: string
  status: LoadStatus
  unstyled: boolean
  lang: string
  className?: string | undefined
  classNames: ScreenSetClassNames
  colorScheme?: ColorScheme | undefined
  extra?: Record<string, string | undefined>
}) {
  const { screenset, screen, status, unstyled, lang, className, classNames, colorScheme, extra } = options
  return {
    'data-screenset': screenset,
    'data-screen': status === 'error' ? 'error' : screen,
    'data-color-scheme': colorScheme,
    ...extra,
    'data-unstyled': unstyled ? '' : undefined,
    'data-loading': status === 'loading' ? '' : undefined,
    className: [className, classNames.root].filter(Boolean).join(' ') || undefined,
    lang,
    dir: isRtl(lang) ? 'rtl' : undefined,
  }
}

export type RootAttributes = ReturnType<typeof rootAttributes>

/**
 * What a screen-set shows before it has what it renders from: a loading status, or the load error
 * (`errorMessage`, by default the schema's) with a retry.
 */
export function LoadState({
  api: { status, t, retryLoad },
  root,
  parts,
  classNames,
  errorMessage = 'schema_load_error',
}: {
  api: { status: LoadStatus; t: Translator; retryLoad: () => Promise<void> | void }
  root: RootAttributes
  parts: ScreenSetComponents
  classNames: ScreenSetClassNames
  errorMessage?: MessageId
}) {
  if (status === 'loading') {
    return (
      <div {...root} aria-busy="true">
        <p role="status">{t('loading')}</p>
      </div>
    )
  }
  return (
    <div {...root}>
      <parts.FormError message={t(errorMessage)} className={classNames.formError}>
        <button type="button" onClick={() => void retryLoad()}>
          {t('retry')}
        </button>
      </parts.FormError>
    </div>
  )
}
