/**
 * Turns a schema key into an English label ('favoriteTeam' → 'Favorite team', 'loyalty.points' →
 * 'Loyalty points', 'photoURL' → 'Photo URL'), so a field the site added still reads as words until a
 * translation is supplied for it.
 */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s._-]+/)
    .filter((word) => word !== '')
    .map((word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase()))
  const sentence = words.join(' ')
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}
