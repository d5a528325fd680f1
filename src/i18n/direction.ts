const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug'])
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg'])

/** Whether text in `lang` (a BCP 47 tag) runs right to left: by its language, or by an explicit script subtag. */
export function isRtl(lang: string): boolean {
  const [primary = '', ...subtags] = lang.trim().toLowerCase().replaceAll('_', '-').split('-')
  const script = subtags.find((subtag) => /^[a-z]{4}$/.test(subtag))
  return script !== undefined ? RTL_SCRIPTS.has(script) : RTL_LANGUAGES.has(primary)
}

/** The `dir` attribute for `lang`. */
export function dirOf(lang: string): 'rtl' | 'ltr' {
  return isRtl(lang) ? 'rtl' : 'ltr'
}
