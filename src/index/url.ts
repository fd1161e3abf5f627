/**
 * An index's name: a PostgreSQL URL or a folder. Apart from `postgres.ts`, so that a run that
 * names a folder never loads the PostgreSQL client.
 */

/** True for an index named by a PostgreSQL URL rather than a folder. */
export function isPostgresUrl(index: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(index);
}

/**
 * An index's name as it may be printed: a URL as scheme, user, host, port and database only (no
 * password, nor any parameter, which may carry one); a folder as it is.
 */
export function publicName(url: string): string {
  if (!isPostgresUrl(url)) return url;
  if (misplacedAt(url)) return 'postgres://…';
  try {
    const parsed = new URL(url);
    const user = parsed.username === '' ? '' : `${parsed.username}@`;
    return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'postgres://…';
  }
}

/**
 * True when an `@` stands after the URL's host part ends (at the first `/`, `?` or `#` after the
 * scheme): a password with one of those characters not percent-encoded. The URL then reads as
 * another host, and a name printed from it would show part of the password.
 */
export function misplacedAt(url: string): boolean {
  const rest = url.replace(/^[a-z]+:\/\//i, '');
  const end = rest.search(/[/?#]/);
  return end >= 0 && rest.indexOf('@', end) >= 0;
}
